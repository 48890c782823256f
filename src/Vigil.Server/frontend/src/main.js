// Vigil dashboard: a map, a timeline and a list of events over the HTTP API, and an event page that links every
// coded field to the words in the article that support it. Article text is only ever inserted as text nodes.
import * as d3 from 'd3';
import { feature } from 'topojson-client';
import Supercluster from 'supercluster';

const TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];
const colour = d3.scaleOrdinal(TYPES, ['#d1495b', '#edae49', '#8e44ad', '#00798c', '#30638e', '#6c757d']);
const state = { page: 1, pageSize: 50, from: null, to: null, bbox: null };
const tokenInput = document.getElementById('token');
tokenInput.value = localStorage.getItem('vigil-token') ?? '';
tokenInput.addEventListener('change', () => localStorage.setItem('vigil-token', tokenInput.value));

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body?.error ?? body?.detail ?? body?.title ?? `${response.status} ${response.statusText}`);
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'onclick') node.addEventListener('click', value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function query() {
  const form = new FormData(document.getElementById('filters'));
  const params = new URLSearchParams();
  for (const [key, value] of form) if (value && !(key === 'minConfidence' && value === '0')) params.set(key, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.bbox) params.set('bbox', state.bbox.join(','));
  return params;
}

// ---------- dashboard ----------
const typeSelect = document.querySelector('select[name=type]');
for (const type of TYPES) typeSelect.append(el('option', { value: type }, type));
document.getElementById('legend').append(...TYPES.map(type => el('span', {}, styled(el('i'), colour(type)), type)));
function styled(node, background) { node.style.background = background; return node; }

let countries;
async function loadDashboard() {
  const params = query();
  const listParams = new URLSearchParams(params);
  listParams.set('page', state.page);
  listParams.set('pageSize', state.pageSize);
  const [list, stats] = await Promise.all([api(`/api/events?${listParams}`), api(`/api/stats?${statsParams(params)}`)]);
  // Up to MAP_POINTS events are drawn one by one (clustered here when dense); more are counted by the server in grid
  // cells, so a store of a million events sends a few hundred cells, not a million points.
  const mapParams = new URLSearchParams(params);
  let map;
  if (list.total > MAP_POINTS) {
    mapParams.set('zoom', mapZoom(state.bbox));
    map = { cells: await api(`/api/map?${mapParams}`) };
  } else {
    mapParams.set('pageSize', MAP_POINTS);
    map = { events: (await api(`/api/events?${mapParams}`)).items };
  }
  countries ??= feature(await api('countries-110m.json'), 'countries');
  renderList(list);
  renderMap(map);
  renderTimeline(stats.byDay, stats.grain);
  document.getElementById('clear-range').hidden = !(state.from || state.to || state.bbox);
}

function statsParams(params) {
  const copy = new URLSearchParams(params);
  copy.delete('from');
  copy.delete('to');
  return copy;
}

function renderList(list) {
  // A large result's total is counted only up to the server's cap: "10,000+" and pages up to it, then further on request.
  const more = list.totalIsAtLeast;
  document.getElementById('count').textContent = `(${list.total.toLocaleString('en')}${more ? '+' : ''})`;
  const body = document.querySelector('#events tbody');
  body.replaceChildren(...list.items.map(event => {
    const row = el('tr', { 'data-id': event.id, onclick: () => { location.hash = `#/event/${encodeURIComponent(event.id)}`; } },
      el('td', {}, event.date ?? ''), el('td', {}, event.eventType), el('td', {}, event.subEventType),
      el('td', {}, [event.location, event.country].filter(Boolean).join(', ')),
      el('td', {}, event.killed ?? ''), el('td', {}, event.injured ?? ''),
      el('td', {}, event.confidence?.toFixed(2) ?? ''), el('td', { class: `status-${event.reviewStatus}` }, event.reviewStatus));
    return row;
  }));
  const pages = Math.max(1, Math.ceil(list.total / state.pageSize));
  document.getElementById('page').textContent = `page ${state.page} of ${pages}${more ? '+' : ''}`;
  document.getElementById('prev').disabled = state.page <= 1;
  document.getElementById('next').disabled = !more && state.page >= pages;
}

const MAP_POINTS = 2000;

// The grid the server counts in: about two dozen cells across the box in view (zoom 2, 11.25-degree cells, for the world).
function mapZoom(bbox) {
  if (!bbox) return 2;
  const width = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1], 0.01);
  return Math.max(0, Math.min(12, Math.floor(Math.log2(1080 / width))));
}

function renderMap({ events, cells }) {
  const svg = d3.select('#map');
  const { width, height } = svg.node().getBoundingClientRect();
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  svg.selectAll('*').remove();
  svg.append('g').selectAll('path').data(countries.features).join('path').attr('class', 'country').attr('d', path);
  if (cells) { renderCells(svg, projection, cells); return; }
  const located = events.filter(e => e.latitude != null && e.longitude != null);
  const radius = d3.scaleSqrt().domain([0, 100]).range([3, 18]).clamp(true);
  const points = located.map(e => ({ type: 'Feature', properties: e, geometry: { type: 'Point', coordinates: [e.longitude, e.latitude] } }));
  // Dense maps cluster: one circle per group of nearby events, labelled with its size; a click zooms the filter to it.
  const clustered = points.length > 300;
  const layer = svg.append('g');
  const shapes = clustered
    ? new Supercluster({ radius: 30, maxZoom: 8 }).load(points).getClusters([-180, -85, 180, 85], 2)
    : points;
  for (const shape of shapes) {
    const [x, y] = projection(shape.geometry.coordinates);
    if (shape.properties.cluster) {
      const count = shape.properties.point_count;
      layer.append('circle').attr('class', 'cluster').attr('cx', x).attr('cy', y).attr('r', 6 + Math.sqrt(count) * 2)
        .on('click', () => { const [lon, lat] = shape.geometry.coordinates; state.bbox = [lon - 5, lat - 5, lon + 5, lat + 5]; state.page = 1; loadDashboard(); })
        .append('title').text(`${count} events`);
      layer.append('text').attr('class', 'cluster-label').attr('x', x).attr('y', y + 3).text(count);
    } else {
      const e = shape.properties;
      layer.append('circle').attr('class', 'event-dot').attr('data-id', e.id).attr('cx', x).attr('cy', y)
        .attr('r', radius(e.killed ?? 0)).attr('fill', colour(e.eventType))
        .on('click', () => { location.hash = `#/event/${encodeURIComponent(e.id)}`; })
        .append('title').text(`${e.date ?? ''} ${e.subEventType} — ${e.location ?? ''} (${e.killed ?? 0} killed)`);
    }
  }
}

// One circle per grid cell, sized by its count and coloured by its commonest type; a click zooms the filter to the cell.
function renderCells(svg, projection, { cellDegrees, cells }) {
  const layer = svg.append('g');
  const largest = d3.max(cells, c => c.count) || 1;
  const radius = d3.scaleSqrt().domain([1, largest]).range([4, 22]);
  for (const cell of cells) {
    const [x, y] = projection([cell.longitude, cell.latitude]);
    const reach = Math.max(cellDegrees, 0.05);
    layer.append('circle').attr('class', 'cluster cell').attr('cx', x).attr('cy', y).attr('r', radius(cell.count))
      .style('fill', colour(cell.commonestType))
      .on('click', () => {
        state.bbox = [Math.max(-180, cell.longitude - reach), Math.max(-90, cell.latitude - reach), Math.min(180, cell.longitude + reach), Math.min(90, cell.latitude + reach)];
        state.page = 1;
        loadDashboard().catch(showError);
      })
      .append('title').text(`${cell.count} events, ${cell.killed} killed (mostly ${cell.commonestType})`);
    if (radius(cell.count) >= 9) layer.append('text').attr('class', 'cluster-label').attr('x', x).attr('y', y + 3).text(d3.format('~s')(cell.count));
  }
}

// The server counts by day over a few months, by week or by month over longer spans, so bars stay visible and a decade
// of news is 120 bars a type, not 3,650; each period is named by its first day (a week's is its Monday).
const GRAIN_UNITS = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth };

function renderTimeline(byDay, grain) {
  const svg = d3.select('#timeline');
  const { width, height } = svg.node().getBoundingClientRect();
  const margin = { top: 6, right: 10, bottom: 20, left: 30 };
  svg.selectAll('*').remove();
  if (!byDay.length) return;
  const parse = d3.utcParse('%Y-%m-%d');
  const format = d3.utcFormat('%Y-%m-%d');
  const unit = GRAIN_UNITS[grain] ?? d3.utcDay;
  const bins = [...new Set(byDay.map(d => format(unit.floor(parse(d.day)))))].sort();
  const table = bins.map(bin => Object.fromEntries([['bin', bin], ...TYPES.map(t => [t, 0])]));
  const index = new Map(bins.map((bin, i) => [bin, i]));
  for (const d of byDay) if (TYPES.includes(d.eventType)) table[index.get(format(unit.floor(parse(d.day))))][d.eventType] += d.count;
  const stack = d3.stack().keys(TYPES)(table);
  const first = parse(bins[0]);
  const x = d3.scaleUtc().domain([first, unit.offset(parse(bins[bins.length - 1]), 1)]).range([margin.left, width - margin.right]);
  const y = d3.scaleLinear().domain([0, d3.max(stack.at(-1), d => d[1]) || 1]).nice().range([height - margin.bottom, margin.top]);
  // At least 2 px, so a lone event in a long span still shows as a bar.
  const barWidth = Math.max(2, (x(unit.offset(first, 1)) - x(first)) - 1);
  svg.append('g').attr('class', 'bars').selectAll('g').data(stack).join('g').attr('fill', s => colour(s.key))
    .selectAll('rect').data(s => s).join('rect')
    .attr('x', d => x(parse(d.data.bin))).attr('width', barWidth)
    .attr('y', d => y(d[1])).attr('height', d => y(d[0]) - y(d[1]));
  // Every tick carries its year: news corpora span years, and "Jan 01" alone says nothing.
  const tickFormat = unit === d3.utcDay ? d3.utcFormat('%-d %b %Y') : d3.utcFormat('%b %Y');
  svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(Math.min(bins.length, 6)).tickFormat(tickFormat));
  // Events are counted whole: no fractional ticks when a bucket holds one or two.
  const countTicks = y.ticks(4).filter(Number.isInteger);
  svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(countTicks).tickFormat(d3.format('d')));
  const brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
    .on('end', ({ selection }) => {
      if (!selection) return;
      state.from = format(x.invert(selection[0]));
      state.to = format(d3.utcDay.offset(x.invert(selection[1]), -1));
      state.page = 1;
      loadDashboard();
    });
  const brushLayer = svg.append('g').attr('class', 'brush').call(brush);
  if (state.from && state.to) brushLayer.call(brush.move, [x(parse(state.from)), x(d3.utcDay.offset(parse(state.to), 1))]);
}

document.getElementById('filters').addEventListener('submit', event => { event.preventDefault(); state.page = 1; loadDashboard().catch(showError); });
document.getElementById('clear-range').addEventListener('click', () => { state.from = state.to = state.bbox = null; state.page = 1; loadDashboard().catch(showError); });
document.getElementById('prev').addEventListener('click', () => { state.page--; loadDashboard().catch(showError); });
document.getElementById('next').addEventListener('click', () => { state.page++; loadDashboard().catch(showError); });

// ---------- event page ----------
async function loadEvent(id) {
  const page = document.getElementById('event-page');
  const event = await api(`/api/events/${encodeURIComponent(id)}`);
  const articles = await Promise.all(event.claims.map(claim => api(`/api/articles/${encodeURIComponent(claim.articleId)}`)));
  const fields = el('dl');
  const evidenceBySpan = new Map();
  const articleViews = articles.map((article, i) => renderArticle(article, event.claims[i], evidenceBySpan));
  const addField = (label, value, field) => {
    if (value === null || value === undefined || value === '') return;
    const spans = event.claims.flatMap((claim, i) => (claim.evidence ?? []).filter(e => e.field === field || e.field.startsWith(`${field}[`)).map(e => ({ ...e, claim: i })));
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const dd = spans.length
      ? el('dd', {}, el('button', { class: 'field-link', 'data-field': field, onclick: () => highlight(spans, evidenceBySpan) }, text))
      : el('dd', {}, text);
    fields.append(el('dt', {}, label), dd);
  };
  addField('Type', `${event.eventType} / ${event.subEventType}`, 'eventType');
  addField('PLOVER', event.plover ? `${event.plover.type}${event.plover.mode ? '/' + event.plover.mode : ''}` : null, 'plover');
  addField('Date', event.date ? `${event.date.value} (${event.date.precision})` : null, 'date');
  addField('Place', event.location ? [event.location.name, event.location.admin1, event.location.country].filter(Boolean).join(', ') : null, 'location');
  // The place name's other readings, for a reviewer to pick from when the text did not decide.
  addField('Other readings', event.location?.runnersUp?.map(readingText).join('; '), 'location');
  addField('Killed', event.killed ? countText(event.killed) : null, 'killed');
  addField('Injured', event.injured ? countText(event.injured) : null, 'injured');
  addField('Perpetrators', event.perpetrators?.map(actorText).join('; '), 'perpetrators');
  addField('Targets', event.targets?.map(actorText).join('; '), 'targets');
  // The two sides as ACLED's actor columns and the exports name them.
  addField('ACLED actors', event.actor1 || event.actor2 ? `${event.actor1 ?? '(none)'} / ${event.actor2 ?? '(none)'}` : null, 'perpetrators');
  addField('Victims', event.victims?.map(victimText).join('; '), 'victims');
  addField('Weapon', event.weapon, 'weapon');
  addField('Reason', event.reason, 'reason');
  addField('Sources', event.sources?.map(s => `${s.name} (${s.kind}, ${s.verb}${s.hedged ? ', hedged' : ''})`).join(' → '), 'sources');
  addField('Confidence', event.confidence?.toFixed(2), 'confidence');
  const status = el('p', {}, 'Review status: ', el('strong', { id: 'review-status', class: `status-${event.reviewStatus}` }, event.reviewStatus));
  const message = el('div', { class: 'message', id: 'review-message' });
  const note = el('input', { placeholder: 'Note', id: 'review-note' });
  const review = el('div', { class: 'review' },
    el('button', { id: 'confirm', onclick: () => sendReview(id, { action: 'confirm', note: note.value }, message) }, 'Confirm'),
    el('button', { id: 'reject', onclick: () => sendReview(id, { action: 'reject', note: note.value }, message) }, 'Reject'), note);
  const claims = el('ul', { class: 'claims' }, ...event.claims.map(claim => el('li', {},
    `${claim.outlet ?? claim.url ?? claim.articleId}: ${claim.killed ? countText(claim.killed) + ' killed' : 'no count'}${claim.date ? ', ' + claim.date.value : ''}`)));
  page.replaceChildren(
    el('section', {}, el('h2', {}, el('a', { href: '#/' }, '← Events'), ` ${event.subEventType}`), fields, status, review, message,
      el('h3', {}, `Reports of this incident (${event.claims.length})`), claims,
      countRule(event)),
    el('section', {}, ...articleViews));
}

// How merged reports make the event's figures (UCDP's practice; docs/counts.md), and how this event's were reached.
const COUNT_RULE = 'When reports disagree: low = the lowest credible figure, high = the highest, best = the best-sourced figure '
  + '(the one the most distinct sources give) or, when no figure is better sourced, the lowest. A claim whose every source '
  + 'hedges ("claimed", "reportedly") is not credible. An analyst\'s correction replaces the figure.';
function countRule(event) {
  return el('div', { class: 'count-rule', id: 'count-rule' },
    el('h3', {}, 'How the counts were reached'),
    el('p', { class: 'message', id: 'count-derivation' }, event.killedExplanation ?? 'no figure'),
    el('p', { class: 'message' }, COUNT_RULE));
}

function readingText(r) { return `${[r.name, r.admin1].filter(Boolean).join(', ')} (${r.latitude.toFixed(3)}, ${r.longitude.toFixed(3)}; score ${r.score.toFixed(2)})`; }
function countText(count) { return count.high && count.high !== count.low ? `${count.best} (${count.low}–${count.high})` : String(count.best); }
function actorText(actor) { return [actor.name, actor.kind ? `(${actor.kind})` : '', actor.group ? `of ${actor.group}` : ''].filter(Boolean).join(' '); }
function victimText(v) { return [v.name ?? 'unnamed', v.age, v.gender, v.relation && v.relativeOf ? `${v.relation} of ${v.relativeOf}` : v.relation, v.outcome].filter(x => x !== null && x !== undefined).join(', '); }

function renderArticle(article, claim, evidenceBySpan) {
  const text = article.text;
  const spans = (claim.evidence ?? []).filter(e => e.start >= 0 && e.end <= text.length && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const body = el('div', { class: 'article-text' });
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping evidence: the outer span already marks these words
    body.append(document.createTextNode(text.slice(at, span.start)));
    const mark = el('mark', { class: 'evidence', 'data-field': span.field, title: span.field }, text.slice(span.start, span.end));
    evidenceBySpan.set(`${claim.articleId}:${span.start}:${span.end}`, mark);
    body.append(mark);
    at = span.end;
  }
  body.append(document.createTextNode(text.slice(at)));
  // The licence and attribution line the input gave travel with the text wherever it is shown.
  const credit = [article.attribution, article.licence && `Licence: ${article.licence}`].filter(Boolean).join(' · ');
  return el('article', { 'data-article': article.id },
    el('h3', {}, article.headline ?? '(no headline)'),
    el('p', { class: 'message' }, [article.outlet, article.published, article.url].filter(Boolean).join(' · ')),
    credit ? el('p', { class: 'attribution' }, credit) : '', body);
}

function highlight(spans, evidenceBySpan) {
  document.querySelectorAll('mark.evidence.active').forEach(m => m.classList.remove('active'));
  let first = null;
  for (const span of spans) {
    for (const [key, mark] of evidenceBySpan) {
      const [, start, end] = key.split(':').slice(-3);
      if (Number(start) <= span.start && Number(end) >= span.end) { mark.classList.add('active'); first ??= mark; }
    }
  }
  first?.scrollIntoView({ block: 'center' });
}

async function sendReview(id, body, message) {
  try {
    const result = await api(`/api/events/${encodeURIComponent(id)}/review`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenInput.value}` }, body: JSON.stringify(body),
    });
    const status = document.getElementById('review-status');
    status.textContent = result.reviewStatus;
    status.className = `status-${result.reviewStatus}`;
    message.textContent = 'Saved.';
  } catch (error) {
    message.textContent = `Not saved: ${error.message}`;
  }
}

function showError(error) {
  const box = el('p', { class: 'message', role: 'alert' }, `Error: ${error.message}`);
  document.querySelector('main:not([hidden])').prepend(box);
}

async function route() {
  const match = location.hash.match(/^#\/event\/(.+)$/);
  document.getElementById('dashboard').hidden = !!match;
  document.getElementById('event-page').hidden = !match;
  try {
    if (match) await loadEvent(decodeURIComponent(match[1]));
    else await loadDashboard();
  } catch (error) {
    showError(error);
  }
}

window.addEventListener('hashchange', route);
route();
