// The outbox reader the journeys rely on decodes what the server writes (7bit or
// quoted-printable bodies, multipart/alternative, RFC 2047 words) and finds the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWords, extractCode, parseMessage } from './support/mail.mjs';

test('mail decoding: quoted-printable multipart, RFC 2047 subject, first code', () => {
  const raw = [
    'From: Tessera <no-reply@tessera.localhost>',
    'To: =?utf-8?Q?Ana=C3=AFs?= <Anais@Example.org>',
    'Subject: =?utf-8?Q?Tessera_:_votre_code_de_v=C3=A9rification?=',
    ' =?utf-8?B?IChlc3NhaSk=?=',
    'MIME-Version: 1.0',
    'X-Tessera-Template: email-verification',
    'Content-Type: multipart/alternative;',
    ' boundary="=_tessera_abc"',
    '',
    'This is a multi-part message in MIME format.',
    '',
    '--=_tessera_abc',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Voici votre code pour v=C3=A9rifier cette adresse =C3=A9lectronique=C2=A0:',
    '',
    '    042917',
    '',
    'Il expire dans 15 minutes, r=C3=A9f=C3=A9rence 1234567 =',
    'fin.',
    '',
    '--=_tessera_abc',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    '<p>Voici votre code <b>042917</b></p>',
    '',
    '--=_tessera_abc--',
    '',
  ].join('\r\n');
  const m = parseMessage(Buffer.from(raw, 'utf8').toString('latin1'));
  assert.equal(m.to, 'anais@example.org');
  assert.equal(m.subject, 'Tessera : votre code de vérification (essai)');
  assert.equal(m.template, 'email-verification');
  assert.match(m.text, /vérifier cette adresse électronique\u00a0:/);
  assert.match(m.text, /1234567 fin\./);
  assert.equal(extractCode(m.text), '042917');
  assert.equal(decodeWords('=?UTF-8?B?U2VvIGFuIGPDsjJk?='), 'Seo an cò2d');
});

test('mail decoding: single-part 7bit', () => {
  const raw = 'To: citizen@demo.tessera.localhost\r\nSubject: Your Tessera sign-in code\r\n' +
    'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello,\r\n\r\n    987654\r\n';
  const m = parseMessage(raw);
  assert.equal(m.to, 'citizen@demo.tessera.localhost');
  assert.equal(extractCode(m.text), '987654');
});
