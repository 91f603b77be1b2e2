/**
 * A corpus template: chat-shaped text with slots. Positive slots ({email}, {card}, ...)
 * become labelled spans; {neg} and {neg:kind} become hard negatives; {name}, {n} and
 * {company} are unlabelled filler. Slots that are PII only because of the words around
 * them ({ssn_ctx}, {phone_ctx}, {aws_secret}) are used only right after such words.
 */
export interface Template {
  id: string;
  lang: string;
  genre: 'question' | 'log' | 'email' | 'config' | 'ticket' | 'code' | 'chat';
  text: string;
}
