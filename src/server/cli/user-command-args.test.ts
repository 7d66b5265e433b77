import { describe, expect, it } from 'vitest';
import { parseUserCommandArgs } from './user-command-args';

describe('parseUserCommandArgs', () => {
  it('reads create with a normalised e-mail, a trimmed name and --admin', () => {
    expect(parseUserCommandArgs(['create', '--email', ' Ada@Example.TEST ', '--name', ' Ada Lovelace ', '--admin'])).toEqual({
      ok: true,
      value: { command: 'create', email: 'ada@example.test', name: 'Ada Lovelace', admin: true },
    });
    expect(parseUserCommandArgs(['create', '--email=b@example.test', '--name=Bo'])).toEqual({
      ok: true,
      value: { command: 'create', email: 'b@example.test', name: 'Bo', admin: false },
    });
  });

  it('reads reset-password and disable', () => {
    expect(parseUserCommandArgs(['reset-password', '--email', 'a@example.test'])).toEqual({ ok: true, value: { command: 'reset-password', email: 'a@example.test' } });
    expect(parseUserCommandArgs(['disable', '--email', 'a@example.test'])).toEqual({ ok: true, value: { command: 'disable', email: 'a@example.test' } });
  });

  it('answers help for no arguments, help and --help', () => {
    for (const argv of [[], ['help'], ['--help'], ['create', '-h']]) expect(parseUserCommandArgs(argv)).toEqual({ ok: true, value: { command: 'help' } });
  });

  it.each([
    [['delete', '--email', 'a@example.test'], /Unknown command 'delete'/],
    [['create', '--name', 'X'], /create needs --email/],
    [['create', '--email', 'a@example.test'], /create needs --name/],
    [['create', '--email', 'not-an-email', '--name', 'X'], /--email: Enter a valid e-mail address/],
    [['create', '--email', 'a@example.test', '--name', '   '], /--name must not be empty/],
    [['disable', '--email', 'a@example.test', '--admin'], /disable does not take --admin/],
    [['disable', '--email', 'a@example.test', '--name', 'X'], /disable does not take --name/],
    [['disable', '--email', 'a@example.test', 'extra'], /Unexpected argument 'extra'/],
    [['disable', '--emial', 'a@example.test'], /Unknown option '--emial'/],
    [['disable', '--email'], /argument missing|--email/],
  ])('refuses %j with a reason', (argv, reason) => {
    const r = parseUserCommandArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(reason);
  });
});
