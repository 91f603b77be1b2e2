import { Rng } from '../random/prng';
import { stableId } from '../random/ids';
import { floorSecond } from '../clock';
import type { Lang } from './names';
import { assistantText, documentText, fileNote, userText, type GeneratedText, type TextMark } from './text';
import type { NegativeKind, PiiKind } from './pii';

/**
 * Messages of one generated chat. Two independent random streams per chat: the "meta"
 * stream decides roles, kinds, timestamps and attachments (cheap: the world build runs
 * it for every chat to count and index), the "content" stream writes the text (only run
 * when a chat is actually read). Both are keyed by the chat's stable path.
 */

export type UserKind = 'text' | 'text_files' | 'files_only' | 'files_tool_result';
export type AssistantKind = 'text' | 'text_tools' | 'tools_only' | 'generated_only' | 'artifact_only' | 'text_redacted';
export type MessageKind = `user_${UserKind}` | `assistant_${AssistantKind}`;

export interface FileSpec {
  id: string;
  filename: string;
  mimeType: string;
  createdAt: number;
  lang: Lang;
}
export interface ArtifactSpec {
  id: string;
  versionId: string;
  title: string;
  artifactType: string;
  createdAt: number;
  lang: Lang;
}

export interface MessageMeta {
  id: string;
  index: number;
  role: 'user' | 'assistant';
  createdAt: number;
  kind: MessageKind;
  files: FileSpec[];
  generatedFiles: FileSpec[];
  artifacts: ArtifactSpec[];
}

export interface TextBlock {
  type: 'text';
  text: string;
  truncated: false;
  thinking_redacted: boolean;
}
export interface ToolUseBlock {
  type: 'tool_use';
  id: string | null;
  name: string;
  input: string; // JSON-encoded, as the API sends it
  integration_name: string | null;
  mcp_server_url: string | null;
  truncated: boolean;
}
export interface ToolResultBlock {
  type: 'tool_result';
  tool_use_id: string | null;
  name: string;
  is_error: boolean;
  content: Array<{ type: 'text'; text: string }>;
  integration_name: string | null;
  mcp_server_url: string | null;
  truncated: boolean;
}
export type ContentBlock = TextBlock | ToolUseBlock | ToolResultBlock;

export interface MessageRecord extends MessageMeta {
  blocks: ContentBlock[];
  pii: TextMark<PiiKind>[];
  negatives: TextMark<NegativeKind>[];
  editedAt: number | null;
}

/** What a generated chat needs to be expanded into messages. */
export interface ChatSeed {
  path: string; // stable key, e.g. "t1:0:3:7"
  lang: Lang;
  createdAt: number;
  count: number;
}

const USER_KINDS: ReadonlyArray<readonly [UserKind, number]> = [['text', 70], ['text_files', 12], ['files_only', 12], ['files_tool_result', 6]];
const ASSISTANT_KINDS: ReadonlyArray<readonly [AssistantKind, number]> = [
  ['text', 62], ['text_tools', 12], ['tools_only', 9], ['generated_only', 6], ['artifact_only', 5], ['text_redacted', 6],
];

const UPLOADS: ReadonlyArray<readonly [string, string]> = [
  ['Vertrag_Müller_2026.pdf', 'application/pdf'],
  ['dashboard_mockup_v1.pdf', 'application/pdf'],
  ['Q3 forecast (final) v2.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['отчёт_инцидент.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['見積書_2026.pdf', 'application/pdf'],
  ['تقرير_المراجعة.pdf', 'application/pdf'],
  ['customers_export.csv', 'text/csv'],
  ['server.log', 'text/plain'],
  ['screenshot 2026-05-04 at 10.12.33.png', 'image/png'],
  ['notes — board meeting.md', 'text/markdown'],
  ['presentation_Ελλάδα.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];
const GENERATED: ReadonlyArray<readonly [string, string]> = [
  ['requirements_summary.csv', 'text/csv'],
  ['chart.png', 'image/png'],
  ['cleaned_data.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['report.md', 'text/markdown'],
];
const ARTIFACTS: ReadonlyArray<readonly [string, string]> = [
  ['Dashboard Requirements Draft', 'text/markdown'],
  ['Data cleaning script', 'application/vnd.ant.code'],
  ['Org chart', 'application/vnd.ant.mermaid'],
  ['Landing page', 'text/html'],
];
const TOOLS: ReadonlyArray<readonly [string, string | null, string | null]> = [
  ['web_search', null, null],
  ['search_drive', 'Google Drive', null],
  ['lookup_customer', 'Acme CRM', 'https://mcp.acme-crm.example.com/mcp'],
  ['repl', null, null],
];

function pickKind(r: Rng, role: 'user' | 'assistant', first: boolean): MessageKind {
  if (role === 'user') return first ? (r.chance(0.85) ? 'user_text' : 'user_text_files') : `user_${r.weighted(USER_KINDS)}`;
  return `assistant_${r.weighted(ASSISTANT_KINDS)}`;
}

function specs(seed: string, r: Rng, prefix: string, path: string, pool: ReadonlyArray<readonly [string, string]>, n: number, at: number, lang: Lang): FileSpec[] {
  const out: FileSpec[] = [];
  for (let j = 0; j < n; j++) {
    const [filename, mimeType] = r.pick(pool);
    out.push({ id: stableId(seed, prefix, `${path}:${j}`), filename, mimeType, createdAt: at, lang });
  }
  return out;
}

/** The meta stream: roles, kinds, timestamps, attachments. No text. */
export function generateMessageMetas(seed: string, chat: ChatSeed, opts: { ids?: boolean } = {}): MessageMeta[] {
  const withIds = opts.ids ?? true; // the world build skips message ids (it only needs files)
  const r = new Rng(`${seed}|msgmeta|${chat.path}`);
  const out: MessageMeta[] = [];
  let t = floorSecond(chat.createdAt);
  for (let i = 0; i < chat.count; i++) {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const kind = pickKind(r, role, i === 0);
    const path = `${chat.path}:${i}`;
    const hasUploads = kind === 'user_text_files' || kind === 'user_files_only' || kind === 'user_files_tool_result';
    const files = hasUploads ? specs(seed, r, 'claude_file_', path, UPLOADS, kind === 'user_files_only' ? r.range(1, 3) : 1, t - 1000 * r.range(1, 30), chat.lang) : [];
    const generatedFiles = kind === 'assistant_generated_only' || (kind === 'assistant_text_tools' && r.chance(0.3)) ? specs(seed, r, 'claude_gen_file_', path, GENERATED, r.range(1, 2), t, chat.lang) : [];
    const artifacts: ArtifactSpec[] = [];
    if (kind === 'assistant_artifact_only') {
      const [title, artifactType] = r.pick(ARTIFACTS);
      artifacts.push({ id: stableId(seed, 'claude_artifact_', path), versionId: stableId(seed, 'claude_artifact_version_', path), title, artifactType, createdAt: t, lang: chat.lang });
    }
    out.push({ id: withIds ? stableId(seed, 'claude_chat_msg_', path) : '', index: i, role, createdAt: t, kind, files, generatedFiles, artifacts });
    t += 1000 * (role === 'user' ? r.range(4, 90) : r.range(30, 3 * 3600));
  }
  return out;
}

function textBlock(g: GeneratedText, redacted = false): TextBlock {
  return { type: 'text', text: g.text, truncated: false, thinking_redacted: redacted };
}

function toolPair(seed: string, r: Rng, path: string, lang: Lang, long: boolean): [ToolUseBlock, ToolResultBlock] {
  const [name, integration, mcp] = r.pick(TOOLS);
  const id = r.chance(0.95) ? stableId(seed, 'toolu_', path) : null;
  const input = long
    ? JSON.stringify({ code: documentText(r, lang, 1).text.repeat(12) + '\n'.repeat(2) + 'x = 1\n'.repeat(1800) })
    : JSON.stringify(name === 'web_search' ? { query: documentText(r, lang, 1).text.slice(0, 80) } : { id: r.range(1000, 9999), fields: ['name', 'email'] });
  const result = documentText(r, lang, r.range(1, 3));
  return [
    { type: 'tool_use', id, name, input, integration_name: integration, mcp_server_url: mcp, truncated: false },
    { type: 'tool_result', tool_use_id: id, name, is_error: r.chance(0.08), content: [{ type: 'text', text: result.text }], integration_name: integration, mcp_server_url: mcp, truncated: false },
  ];
}

/** Metas plus content: the full messages of a generated chat. */
export function generateMessages(seed: string, chat: ChatSeed): MessageRecord[] {
  const r = new Rng(`${seed}|content|${chat.path}`);
  return generateMessageMetas(seed, chat).map((meta) => {
    const path = `${chat.path}:${meta.index}`;
    const texts: GeneratedText[] = [];
    const blocks: ContentBlock[] = [];
    const add = (g: GeneratedText, redacted = false): void => {
      texts.push(g);
      blocks.push(textBlock(g, redacted));
    };
    switch (meta.kind) {
      case 'user_text':
        add(userText(r, chat.lang));
        break;
      case 'user_text_files':
        add(r.chance(0.5) ? fileNote(r, chat.lang) : userText(r, chat.lang));
        break;
      case 'user_files_only':
        break;
      case 'user_files_tool_result':
        blocks.push(toolPair(seed, r, path, chat.lang, false)[1]);
        break;
      case 'assistant_text':
        add(assistantText(r, chat.lang));
        break;
      case 'assistant_text_redacted':
        add(assistantText(r, chat.lang), true);
        break;
      case 'assistant_text_tools': {
        add(assistantText(r, chat.lang));
        blocks.push(...toolPair(seed, r, path, chat.lang, false));
        add(assistantText(r, chat.lang));
        break;
      }
      case 'assistant_tools_only':
        blocks.push(...toolPair(seed, r, path, chat.lang, r.chance(0.25)));
        break;
      case 'assistant_generated_only':
        break;
      case 'assistant_artifact_only': {
        const a = meta.artifacts[0];
        blocks.push({ type: 'tool_use', id: stableId(seed, 'toolu_', path), name: 'artifacts', input: JSON.stringify({ command: 'create', title: a?.title ?? '', type: a?.artifactType ?? '' }), integration_name: null, mcp_server_url: null, truncated: false });
        break;
      }
    }
    return {
      ...meta,
      blocks,
      pii: texts.flatMap((g) => g.pii),
      negatives: texts.flatMap((g) => g.negatives),
      editedAt: null,
    };
  });
}

/** The text of a message as the ground truth defines it: its text blocks, in order, joined by "\n\n". */
export function messageText(m: { blocks: readonly ContentBlock[] }): string {
  return m.blocks.filter((b): b is TextBlock => b.type === 'text').map((b) => b.text).join('\n\n');
}
