/** The heading of a surface; its id labels the main landmark. */
export function SurfaceHeader({ title, description }: { title: string; description: string }) {
  return (
    <div className="surface__header">
      <h1 id="surface-title" className="surface__title">
        {title}
      </h1>
      <p className="surface__description">{description}</p>
    </div>
  );
}
