import { estimatePassphraseStrength } from './passphraseStrength';

/** Four segments and a sentence: how guessable the passphrase is, and what would improve it. */
export function PassphraseStrengthMeter({ passphrase }: { passphrase: string }) {
  const strength = estimatePassphraseStrength(passphrase);
  const empty = passphrase.length === 0;
  return (
    <div className="strength" data-score={empty ? 'empty' : strength.score}>
      <div className="strength__bar" aria-hidden="true">
        {[1, 2, 3, 4].map((segment) => (
          <span key={segment} className={`strength__segment${!empty && strength.score >= segment ? ' strength__segment--on' : ''}`} />
        ))}
      </div>
      <p className="strength__text" aria-live="polite">
        {!empty && <strong className="strength__label">{strength.label}. </strong>}
        {strength.hint}
      </p>
    </div>
  );
}
