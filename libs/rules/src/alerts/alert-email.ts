import { isWebUrl, notShownCount, sampleText, shownSamples, utcMinute } from './alert-content';
import { alertHeadline } from './alert-message';
import type { AlertGroup } from './alert-message';

// E-mail: a plain-text part for every client and an HTML part with every piece of text escaped.

export type AlertEmail = { subject: string; text: string; html: string };

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function alertEmail(group: AlertGroup): AlertEmail {
  const headline = alertHeadline(group);
  const samples = shownSamples(group);
  const more = notShownCount(group);
  const when = `First ${utcMinute(group.firstAt)} · last ${utcMinute(group.lastAt)}`;
  const text = [
    headline,
    when,
    '',
    ...samples.flatMap((sample) => [
      `${sample.priority} · ${sample.author}: ${sampleText(sample.text)}`,
      ...(isWebUrl(sample.url) ? [`  ${sample.url}`] : []),
    ]),
    ...(more > 0 ? [`…and ${more} more`] : []),
    '',
    `Open in Watchfloor: ${group.consoleUrl}`,
  ].join('\n');
  const link = (url: string, label: string) =>
    isWebUrl(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : '';
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<h2>${escapeHtml(headline)}</h2>`,
    `<p style="color: #666">${escapeHtml(when)}</p>`,
    ...samples.map(
      (sample) =>
        `<p><strong>${escapeHtml(sample.priority)} · ${escapeHtml(sample.author)}</strong> ${link(sample.url, 'Open post')}` +
        `<br>${escapeHtml(sampleText(sample.text))}</p>`,
    ),
    ...(more > 0 ? [`<p style="color: #666">…and ${more} more</p>`] : []),
    `<p>${link(group.consoleUrl, 'Open in Watchfloor')}</p>`,
    '</body></html>',
  ].join('\n');
  // A header is one line: a rule name with a line break must not start a header of its own.
  return { subject: `[Watchfloor] ${headline}`.replace(/\s+/g, ' '), text, html };
}
