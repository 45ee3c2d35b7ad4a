import { Encrypter, generateHybridIdentity, generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAgeRecipient } from '../../shared/export/age-recipient.ts';

/** Whether the age-encryption library takes `text` as an X25519 recipient: the reference. */
function libraryAccepts(text: string): boolean {
  try {
    new Encrypter().addRecipient(text);
    return true;
  } catch {
    return false;
  }
}

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

describe('reading an age recipient', () => {
  it('accepts the recipients age makes, and decodes their 32-byte key', async () => {
    // Prepare
    const recipients = await Promise.all(
      Array.from({ length: 20 }, async () => identityToRecipient(await generateIdentity())),
    );
    for (const recipient of recipients) {
      // Act
      const checked = parseAgeRecipient(` ${recipient}\n`);
      // Assess
      expect(checked).toMatchObject({ recipient });
      expect('publicKey' in checked && checked.publicKey.length).toBe(32);
    }
  });

  it('agrees with the library on every one-character change of a real recipient', async () => {
    // Prepare: a real recipient and random single-character edits of it.
    const recipient = await identityToRecipient(await generateIdentity());
    fc.assert(
      fc.property(
        fc.nat({ max: recipient.length - 1 }),
        fc.constantFrom(...`${CHARSET}1bioAGE- `),
        fc.constantFrom('replace', 'insert', 'delete'),
        (at, char, edit) => {
          const edited =
            edit === 'replace'
              ? recipient.slice(0, at) + char + recipient.slice(at + 1)
              : edit === 'insert'
                ? recipient.slice(0, at) + char + recipient.slice(at)
                : recipient.slice(0, at) + recipient.slice(at + 1);
          // Act
          const ours = !('problem' in parseAgeRecipient(edited));
          // Assess: the same verdict as the library's, once surrounding spaces (which a paste brings
          // and the service trims) are gone.
          expect(ours, edited).toBe(libraryAccepts(edited.trim()));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('agrees with the library on random Bech32-looking text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 0, maxLength: 70 }), (data) => {
        const text = `age1${data}`;
        expect(!('problem' in parseAgeRecipient(text)), text).toBe(libraryAccepts(text));
      }),
      { numRuns: 600 },
    );
  });

  it('names what a look-alike is, and never repeats a private key back', async () => {
    // Prepare
    const identity = await generateIdentity();
    const hybrid = await identityToRecipient(await generateHybridIdentity());
    const pgp = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGWm...\n-----END PGP PUBLIC KEY BLOCK-----';
    // Act
    const problems = Object.fromEntries(
      Object.entries({
        identity,
        hybrid,
        pgp,
        ssh: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host',
        empty: '  ',
        other: 'not a key at all',
        upper: (await identityToRecipient(identity)).toUpperCase(),
      }).map(([name, text]) => [name, (parseAgeRecipient(text) as { problem?: string }).problem]),
    );
    // Assess
    expect(problems.identity).toMatch(/private key, which must never leave the partnership/);
    expect(problems.identity).not.toContain(identity.slice(15));
    expect(problems.hybrid).toMatch(/post-quantum/);
    expect(problems.pgp).toMatch(/OpenPGP key, which the service does not take: give an age recipient/);
    expect(problems.ssh).toMatch(/SSH key/);
    expect(problems.empty).toMatch(/^must be an age recipient/);
    expect(problems.other).toMatch(/^must be an age recipient.*got “not a key at all”/);
    expect(problems.upper).toMatch(/^must be an age recipient/);
    // The library takes the hybrid recipient; this service encrypts to X25519 only (see age-encrypt.ts).
    expect(libraryAccepts(hybrid)).toBe(true);
  });

  it('refuses a recipient whose checksum does not match, saying to copy it again', async () => {
    const recipient = await identityToRecipient(await generateIdentity());
    const last = recipient.at(-1) === 'q' ? 'p' : 'q';
    expect(parseAgeRecipient(recipient.slice(0, -1) + last)).toEqual({
      problem: expect.stringMatching(/checksum does not match/),
    });
  });
});
