/** An example workspace folder in the shape of the platform the services run on. */
export function folderPathExample(platform: string | undefined): string {
  if (platform === 'win32') return 'C:\\Cases\\acme-review.ogma';
  if (platform === 'darwin') return '/Users/you/Cases/acme-review.ogma';
  return '/home/you/cases/acme-review.ogma';
}
