import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/agenda/define.js';
import type { CivicAgenda } from '../../src/agenda/civic-agenda.js';

let unique = 0;
const feedUrl = (name: string) => `/__feed/${name}.json?key=agenda-organizer-${Date.now()}-${unique++}`;

async function agenda(src: string, lang: string): Promise<CivicAgenda> {
  const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src} lang=${lang} time-zone="event"></civic-agenda>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.session'), 'agenda did not render', { timeout: 5000 });
  return el;
}
const organizers = (el: CivicAgenda) =>
  [...el.shadowRoot!.querySelectorAll('article')].map((a) => a.querySelector('.organizer')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe('<civic-agenda> organizer line', () => {
  it('shows each session’s organizer, in the visitor’s language when the feed has it', async () => {
    const src = feedUrl('organizers');
    expect(organizers(await agenda(src, 'en'))).to.deep.equal(['Organized by City of Valencia', 'Organized by Town of Bilbao']);
    const es = await agenda(src, 'es');
    expect(organizers(es)).to.deep.equal(['Organizado por City of Valencia', 'Organizado por Ayuntamiento de Bilbao']);
    await expect(es).to.be.accessible();
  });

  it('shows no organizer line for sessions without one', async () => {
    expect(organizers(await agenda(feedUrl('learning-forum'), 'en')).every((line) => line === '')).to.equal(true);
  });
});
