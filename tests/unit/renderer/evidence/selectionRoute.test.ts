import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../../renderer/routing/routes';
import { exportChatsHref, selectionFromRoute } from '../../../../renderer/evidence/exports/selectionRoute';

describe('handing chats to the export wizard through the URL', () => {
  it('round-trips tenant and chat ids, even with slashes and spaces in them', () => {
    const chats = [
      { tenantId: 't_1', chatId: 'claude_chat_01' },
      { tenantId: 't 2', chatId: 'a/b' },
    ];
    const route = parseRoute(exportChatsHref(chats));
    expect(route.surface).toBe('exports');
    expect(selectionFromRoute(route.rest)).toEqual({ name: null, chats });
  });

  it('drops repeated chats, and refuses an odd or empty list rather than guessing', () => {
    expect(selectionFromRoute(['chats', 't', 'c', 't', 'c'])?.chats).toEqual([{ tenantId: 't', chatId: 'c' }]);
    expect(selectionFromRoute(['chats', 't'])).toBeNull();
    expect(selectionFromRoute(['chats'])).toBeNull();
    expect(selectionFromRoute(['chats', ' ', 'c'])).toBeNull();
    expect(selectionFromRoute([])).toBeNull();
    expect(selectionFromRoute(['other', 't', 'c'])).toBeNull();
  });
});
