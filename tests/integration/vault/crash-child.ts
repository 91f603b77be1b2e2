/**
 * Child process for crash.test.ts: opens a workspace and captures pages of messages in a
 * loop until it is killed. After each commit it reports the log size it committed, so the
 * parent knows what was acknowledged before the SIGKILL.
 *   node --import tsx crash-child.ts DIR TENANT   (passphrase in OGMA_PASSPHRASE)
 */
import { writeSync } from 'node:fs';
import { Vault } from '../../../electron/core/vault';

const [dir, tenantId] = process.argv.slice(2) as [string, string];
const vault = await Vault.open(dir, { passphrase: process.env.OGMA_PASSPHRASE ?? '', memberName: 'alice' });
let n = (vault.db.prepare('SELECT count(*) FROM messages').pluck().get() as number) + 1;
writeSync(1, 'ready\n');
for (;;) {
  const size = vault.transaction(() => {
    for (let i = 0; i < 3; i++, n++) {
      vault.content.captureMessage(
        { tenantId, chatId: `chat_${n % 5}`, messageId: `m_${process.pid}_${n}`, userId: `user_${n % 7}`, role: 'user', text: `crash loop text ${n} `.repeat(1 + (n % 40)) },
        'alice',
      );
    }
    return vault.chain.head(tenantId).size;
  });
  writeSync(1, `committed ${size}\n`);
}
