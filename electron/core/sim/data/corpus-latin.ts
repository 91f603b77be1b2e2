/**
 * Chat text templates, Latin-script languages. Slots in braces are filled by text.ts:
 * PII kinds ({email}, {ssn}, {card}, ...), hard negatives ({uuid}, {git_sha}, {order_number}, ...),
 * and {name}, {emoji}, {ticket}.
 */
import type { LangCorpus } from './corpus';

export const EN: LangCorpus = {
  titles: ['Vendor contract review', 'Incident write-up SEC follow-up', 'Quarterly numbers sanity check', 'Draft reply to customer', 'Debugging the deploy pipeline', 'Travel reimbursement question', 'Onboarding checklist'],
  user: [
    'Can you help me draft a reply to {name}? Their email is {email} and the best number is {phone_intl}.',
    'Here is the log line from prod: client {ipv4} hit the API at {timestamp} with order {order_number}. Why did it fail?',
    'I accidentally pasted our key {anthropic_key} into the ticket {ticket}. How do I rotate it safely?',
    'Please summarise the attached contract. The counterparty signatory is {name} ({email}).',
    'My SSN is {ssn} and my card {card} was charged twice on {date}. Can you write a dispute letter?',
    'Why does `git show {git_sha}` mention version {version}? The build id is {uuid}.',
    'Our CI uses {aws_access_key} with secret {aws_secret_key} — is that a problem if the repo is public? {emoji}',
    'The docs say to export YOUR_API_KEY before running it; I used {placeholder}. Is that right?',
    'Compare these two numbers for me: {luhn_invalid_number} (tracking) and {card} (corporate card).',
    'Call me at {phone_national} after 5pm, or reach the IPv6 host {ipv6} directly.',
    'Decode this token and tell me when it expires: {jwt}',
    'The webhook posts to Slack with {slack_token} and bills through Stripe with {stripe_key}. Which should live in the vault?',
    'Quick one: is {invalid_ssn} a valid SSN format? It came from a test fixture.',
  ],
  assistant: [
    'Here is a draft you can adapt:\n\n> Dear {name},\n> Thank you for your message of {date}. We will follow up by {date}.\n\nLet me know if you want a more formal tone. {emoji}',
    'The request at {timestamp} failed because the upstream returned 503. Order {order_number} was never committed, so it is safe to retry.',
    'You should revoke that key immediately in the Console, create a new one, and update the secret store. Never share keys in tickets — even `{placeholder}` placeholders get copied by mistake.',
    'Summary of the contract:\n1. Term: 24 months from {date}.\n2. Liability capped at fees paid.\n3. Notices to {email}.\n\nThe governing law clause is missing.',
    'Commit {git_sha} bumps the library to {version}. The build id `{uuid}` is just a correlation id, not a secret.',
    'I can\'t verify personal identifiers, but the format `{invalid_ssn}` is not a valid SSN (area or group number is reserved).',
    'The token is a JWT with an HS256 header. Its `iat` claim is in 2026; there is no `exp` claim, so it never expires on its own.',
    'Yes — anything that authenticates (Slack bot tokens, Stripe live keys, AWS secrets) belongs in the vault. The tracking number {luhn_invalid_number} is not a card number.',
  ],
  fileNotes: ['See attached.', 'Attaching the scan.', 'Here are the files from {name}.', 'Export attached ({date}).'],
};

export const DE: LangCorpus = {
  titles: ['Vertragsprüfung Lieferant', 'Kündigungsschreiben', 'Datenschutz-Folgenabschätzung', 'Reisekostenabrechnung März', 'Übergabeprotokoll'],
  user: [
    'Kannst du mir helfen, eine Antwort an {name} zu schreiben? E-Mail: {email}, Telefon {phone_national}.',
    'Bitte fasse den Vertrag zusammen. Ansprechpartner ist Herr Mu\u0308ller, erreichbar unter {phone_intl}.',
    'Meine Kreditkarte {card} wurde am {date} doppelt belastet. Bestellnummer {order_number}.',
    'Der Server {ipv4} meldet seit {timestamp} Fehler. Version {version}, Commit {git_sha}.',
    'Ich habe versehentlich den Schlüssel {openai_key} ins Wiki kopiert. Was nun? 😬',
    'Ist die Sozialversicherungsnummer {ssn} aus den USA gültig? Die Kundin heißt {name}.',
    'Übersetze bitte diese Notiz ins Englische: „Zugang über {email}, Passwort folgt separat.“',
  ],
  assistant: [
    'Gerne! Hier ein Entwurf:\n\nSehr geehrte/r {name},\nvielen Dank für Ihre Nachricht vom {date}. Wir melden uns bis spätestens {date}.\n\nMit freundlichen Grüßen',
    'Der Fehler seit {timestamp} kommt vom Load Balancer. Die Vorgangsnummer {order_number} ist keine Kartennummer.',
    'Bitte widerrufe den Schlüssel sofort und lege einen neuen an. Ersetze ihn in der Doku durch `{placeholder}`.',
    'Zusammenfassung: Laufzeit 24 Monate, Kündigungsfrist 3 Monate zum Quartalsende, Haftung begrenzt. ✅',
    'Die Build-ID {uuid} ist unkritisch. Version {version} enthält den Fix.',
  ],
  fileNotes: ['Anbei die Unterlagen.', 'Siehe Anhang.', 'Hier der Scan vom {date}.'],
};

export const FR: LangCorpus = {
  titles: ['Relecture du contrat', 'Réponse au client', 'Note de frais', 'Analyse d’incident', 'Compte rendu de réunion'],
  user: [
    'Peux-tu rédiger une réponse à {name} ? Son e-mail est {email} et son portable {phone_national}.',
    'Voici le numéro de la carte professionnelle : {card}. Le paiement du {date} a échoué.',
    'Le serveur {ipv6} renvoie une erreur depuis {timestamp}. Commande n° {order_number}.',
    'J’ai collé par erreur le jeton {github_token} dans le canal Slack. Que faire ?',
    'Résume la pièce jointe, s’il te plaît. Contact : {phone_intl} — merci ! 🙏',
    'Le numéro {ssn} de notre employé américain est-il bien formé ?',
  ],
  assistant: [
    'Voici une proposition :\n\nBonjour {name},\nMerci pour votre message du {date}. Nous revenons vers vous rapidement.\n\nCordialement',
    'Révoquez immédiatement ce jeton dans GitHub, puis remplacez-le par `{placeholder}` dans la documentation.',
    'L’erreur depuis {timestamp} vient d’un certificat expiré. La version {version} corrige le problème.',
    'En résumé : durée de 24 mois, préavis de 3 mois, responsabilité plafonnée. L’identifiant {uuid} est un identifiant de corrélation.',
  ],
  fileNotes: ['Voir la pièce jointe.', 'Ci-joint le document.', 'Le scan du {date}.'],
};

export const ES: LangCorpus = {
  titles: ['Revisión de contrato', 'Reclamación de cargo', 'Migración de datos', 'Informe trimestral', 'Correo al proveedor'],
  user: [
    '¿Puedes ayudarme a escribir a {name}? Su correo es {email} y su teléfono {phone_intl}.',
    'Me cobraron dos veces en la tarjeta {card} el {date}. Pedido {order_number}.',
    'El servidor {ipv4} falla desde {timestamp}; versión {version}.',
    'Pegué sin querer la clave {stripe_key} en el documento compartido. ¿Qué hago? 😱',
    'Resume el archivo adjunto, por favor. Contacto: {phone_national}.',
    '¿El número de seguro social {ssn} tiene un formato válido?',
  ],
  assistant: [
    'Claro, aquí tienes un borrador:\n\nEstimado/a {name}:\nGracias por su mensaje del {date}. Le responderemos en breve.\n\nUn saludo',
    'Revoca esa clave en el panel de Stripe y sustitúyela por `{placeholder}` en la documentación.',
    'El fallo desde {timestamp} se debe a un certificado caducado. El commit {git_sha} lo corrige.',
    'Resumen: duración de 24 meses, preaviso de 3 meses. El identificador {uuid} no es un dato personal.',
  ],
  fileNotes: ['Adjunto el documento.', 'Ver archivo adjunto.', 'Escaneo del {date}.'],
};
