// LiChain dashboard. Every number shown comes from the API of the serving process; a view whose capability
// has not landed shows the API's "not available in this build" answer (404/501), never made-up data.
'use strict';

// one colour per resource type, the same as the PNG charts (org.lichain.report.ChartStyle; ChartColoursTest)
const TYPE_COLOURS = { brine: '#0072b2', spodumene: '#009e73', lepidolite: '#cc79a7', clay: '#e69f00', other: '#999999' };
const FMT0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const charts = {};
let capabilities = null;

// ---------- helpers ----------
async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  const text = await res.text();
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  return { ok: res.ok, status: res.status, body };
}

function el(id) { return document.getElementById(id); }

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init(el(id), null, { renderer: 'svg' });
    addChartTools(id);
  }
  return charts[id];
}

/** CSV and PNG download buttons under a chart; the last download is described in data-download (tests). */
function addChartTools(id) {
  const box = document.createElement('div');
  box.className = 'chart-tools';
  box.id = id + '-tools';
  for (const kind of ['CSV', 'PNG']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = kind;
    b.dataset.i18n = kind;
    b.addEventListener('click', () => (kind === 'CSV' ? downloadCsv(id) : downloadPng(id)));
    box.appendChild(b);
  }
  el(id).after(box);
}

function saveAs(name, href, note) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  el(name.split('.')[0] + '-tools').dataset.download = note;
}

/** The chart's data as CSV: one row per point, the x value then one column per series. */
function chartCsv(id) {
  const o = charts[id].getOption();
  const xs = o.xAxis && o.xAxis[0] && o.xAxis[0].data;
  const series = (o.series || []).filter(x => Array.isArray(x.data));
  const q = v => { const t = v === null || v === undefined ? '' : String(typeof v === 'object' ? (v.value !== undefined ? v.value : JSON.stringify(v)) : v); return /[",\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t; };
  const lines = [];
  if (xs) {
    lines.push(['x'].concat(series.map(x => x.name)).map(q).join(','));
    xs.forEach((x, i) => lines.push([x].concat(series.map(ser => ser.data[i])).map(q).join(',')));
  } else {
    lines.push(['series', 'x', 'y'].join(','));
    series.forEach(ser => ser.data.forEach(d => {
      const v = Array.isArray(d) ? d : (d && Array.isArray(d.value) ? d.value : [d && d.name, d && d.value]);
      lines.push([ser.name, v[0], v[v.length - 1]].map(q).join(','));
    }));
  }
  return lines.join('\n') + '\n';
}

function downloadCsv(id) {
  const csv = chartCsv(id);
  saveAs(id + '.csv', 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv),
    'csv:' + csv.split('\n')[0] + ':' + (csv.split('\n').length - 2) + ' rows');
}

function downloadPng(id) {
  const svgUrl = charts[id].getDataURL({ type: 'svg', backgroundColor: '#fff' });
  const img = new Image();
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = el(id).clientWidth || 900;
    c.height = el(id).clientHeight || 400;
    const g = c.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.drawImage(img, 0, 0, c.width, c.height);
    const png = c.toDataURL('image/png');
    saveAs(id + '.png', png, 'png:' + c.width + 'x' + c.height + ':' + png.length);
  };
  img.src = svgUrl;
}

function setStatus(id, kind, text) {
  const s = el(id);
  s.className = 'status ' + kind;
  s.textContent = text;
}

function clearStatus(id) { const s = el(id); s.className = 'status'; s.textContent = ''; }

/** Shows the API's answer for a capability that is not in this build (404/501), or another error. */
function showProblem(statusId, r, what) {
  const detail = (r.body && (r.body.detail || r.body.title)) || ('HTTP ' + r.status);
  if (r.status === 501 || r.status === 404) {
    setStatus(statusId, 'na', 'Not available in this build: ' + what + ' (' + detail + ').');
  } else {
    setStatus(statusId, 'error', what + ': ' + detail);
  }
}

function cell(row, text) { const td = document.createElement('td'); td.textContent = tr(text); row.appendChild(td); return td; }

function fillTable(tableId, rows, columns) {
  const tbody = el(tableId).querySelector('tbody');
  tbody.replaceChildren();
  for (const r of rows) {
    const tr = document.createElement('tr');
    for (const c of columns) { cell(tr, c(r)); }
    tbody.appendChild(tr);
  }
  return tbody;
}

function pct(x) { return (100 * x).toFixed(1) + '%'; }

// ---------- navigation ----------
function showView(name) {
  document.querySelectorAll('.view').forEach(v => v.classList.toggle('active', v.id === 'view-' + name));
  document.querySelectorAll('#nav button').forEach(b => b.classList.toggle('active', b.dataset.view === name));
  const loader = VIEWS[name];
  if (loader) { loader(); }
  Object.values(charts).forEach(c => c.resize());
  if (location.hash !== '#' + name) { history.replaceState(null, '', '#' + name); }
}

// ---------- cost curve ----------
const curveState = { data: null, seq: 0, referencePrice: null, timer: null };

function curveQuery(withPrice) {
  const q = new URLSearchParams({ year: el('curve-year').value, basis: el('curve-basis').value });
  if (withPrice) { q.set('price_usd', el('price-slider').value); }
  return '/api/curve?' + q.toString();
}

async function loadCurve(withPrice) {
  const seq = ++curveState.seq;
  document.body.dataset.curve = 'loading';
  const r = await api(curveQuery(withPrice));
  if (seq !== curveState.seq) { return; } // a newer request is on its way
  if (!r.ok) {
    el('price-readout').textContent = 'Error: ' + ((r.body && r.body.detail) || r.status);
    document.body.dataset.curve = 'error';
    return;
  }
  const c = r.body;
  curveState.data = c;
  if (!withPrice) {
    curveState.referencePrice = c.price_usd_per_t_lce;
    const slider = el('price-slider');
    if (c.price_usd_per_t_lce > Number(slider.max)) { slider.max = String(Math.ceil(c.price_usd_per_t_lce / 5000) * 5000); }
    slider.value = String(Math.round(c.price_usd_per_t_lce / 250) * 250);
  }
  fillFilters(c);
  renderCurve();
  document.body.dataset.curve = 'ready';
}

function fillFilters(c) {
  for (const [id, key] of [['curve-type', 'resource_type'], ['curve-country', 'country']]) {
    const sel = el(id);
    const current = sel.value;
    const values = [...new Set(c.assets.map(a => a[key]))].sort();
    sel.replaceChildren(new Option('all', ''));
    values.forEach(v => sel.appendChild(new Option(v, v)));
    sel.value = values.includes(current) ? current : '';
  }
}

function renderCurve() {
  const c = curveState.data;
  if (!c) { return; }
  const type = el('curve-type').value;
  const country = el('curve-country').value;
  const basisKey = c.basis === 'aisc' ? 'aisc_usd_per_t_lce' : 'c1_usd_per_t_lce';
  const price = c.price_usd_per_t_lce;
  const selected = a => (!type || a.resource_type === type) && (!country || a.country === country);
  const bars = [];
  let start = 0;
  let prodAll = 0; let prodLoss = 0; let capSel = 0;
  for (const a of c.assets) {
    const end = start + a.capacity_t_lce;
    const sel = selected(a);
    bars.push({ value: [start, end, a[basisKey]], asset: a, selected: sel });
    if (sel) {
      prodAll += a.production_t_lce;
      capSel += a.capacity_t_lce;
      if (a[basisKey] > price) { prodLoss += a.production_t_lce; }
    }
    start = end;
  }
  const share = prodAll > 0 ? prodLoss / prodAll : 0;
  el('price-readout').textContent = LANG === 'zh'
    ? '价格：' + FMT0.format(price) + ' 美元/吨LCE（不含税）= ' + FMT0.format(c.price_cny_per_t_incl_vat) + ' 元/吨（含税）（' + c.year + '，' + c.basis.toUpperCase() + '）'
    : 'Price: USD ' + FMT0.format(price) + '/t LCE ex-VAT = CNY '
    + FMT0.format(c.price_cny_per_t_incl_vat) + '/t incl. VAT (' + c.year + ', ' + c.basis.toUpperCase() + ')';
  el('price-readout').dataset.priceUsd = String(price);
  el('price-source').textContent = T('Price source') + ': ' + (c.price_source || '');
  const label = (type || country) ? 'selected output' : 'output';
  el('share-at-loss').textContent = (LANG === 'zh' ? ((type || country) ? '所选产量中亏损的比例：' : '亏损产量比例：')
    : 'Share of ' + label + ' at a loss: ') + pct(share);
  el('share-at-loss').dataset.share = String(share);
  el('selection-capacity').textContent = T('capacity') + ' ' + FMT0.format(capSel) + ' t LCE/yr';
  el('curve-chart').dataset.bars = String(bars.filter(b => b.selected).length);

  chart('curve-chart').setOption({ animation: false,
    title: { text: T('Cost curve') + ' ' + c.year + ' (' + c.basis.toUpperCase() + ')', left: 'center', textStyle: { fontSize: 13 } },
    tooltip: {
      trigger: 'item',
      formatter: p => {
        if (p.seriesName !== 'assets') { return 'price USD ' + FMT0.format(price); }
        const a = bars[p.dataIndex].asset;
        return a.name + ' (' + a.country + ', ' + a.resource_type + ')<br>' + c.basis.toUpperCase() + ' USD '
          + FMT0.format(a[basisKey]) + '/t LCE<br>capacity ' + FMT0.format(a.capacity_t_lce) + ' t LCE';
      }
    },
    grid: { left: 70, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'value', name: T('cumulative capacity, t LCE/yr'), nameLocation: 'middle', nameGap: 30, min: 0, max: Math.max(start, 1) },
    yAxis: { type: 'value', name: 'USD/t LCE', min: 0 },
    series: [
      {
        name: 'assets', type: 'custom',
        renderItem: (params, apiR) => {
          const b = bars[params.dataIndex];
          const p0 = apiR.coord([b.value[0], 0]);
          const p1 = apiR.coord([b.value[1], b.value[2]]);
          const colour = b.selected ? (TYPE_COLOURS[b.asset.resource_type] || '#999') : '#dddddd';
          return { type: 'rect', shape: { x: p0[0], y: p1[1], width: Math.max(p1[0] - p0[0], 0.5), height: p0[1] - p1[1] },
            style: { fill: colour, stroke: '#fff', lineWidth: 0.3 } };
        },
        encode: { x: [0, 1], y: 2 },
        data: bars.map(b => b.value)
      },
      { name: 'price', type: 'line', symbol: 'none', lineStyle: { color: '#222', type: 'dashed', width: 2 },
        data: [[0, price], [Math.max(start, 1), price]] }
    ]
  }, true);

  const groups = Object.entries(c.by_resource_type || {});
  fillTable('curve-groups', groups, [g => g[0], g => FMT0.format(g[1].capacity_t_lce), g => FMT0.format(g[1].production_t_lce),
    g => pct(g[1].share_at_loss), g => FMT0.format(g[1].median_c1_usd_per_t_lce)]);
  const rows = c.assets.filter(selected);
  const tbody = fillTable('curve-assets', rows, [a => a.id, a => a.name, a => a.country, a => a.resource_type,
    a => FMT0.format(a.capacity_t_lce), a => FMT0.format(a.c1_usd_per_t_lce), a => FMT0.format(a.aisc_usd_per_t_lce)]);
  [...tbody.children].forEach((tr, i) => {
    if (rows[i][basisKey] > price) { tr.classList.add('loss'); }
    tr.style.cursor = 'pointer';
    tr.addEventListener('click', () => showAsset(rows[i].id));
  });
}

async function showAsset(id) {
  const r = await api('/api/assets/' + encodeURIComponent(id) + '?year=' + el('curve-year').value + '&price_usd=' + el('price-slider').value);
  const d = el('asset-detail');
  d.replaceChildren();
  if (!r.ok) { d.textContent = (r.body && r.body.detail) || ('HTTP ' + r.status); return; }
  const a = r.body;
  const h = document.createElement('h3');
  h.textContent = tr(a.name) + ' — ' + a.route + ', ' + a.region;
  d.appendChild(h);
  const src = document.createElement('p');
  src.className = 'note';
  src.textContent = T('Source') + ': ' + a.source + ' · ' + T('Price') + ': USD ' + FMT0.format(a.price_usd_per_t_lce || 0)
    + '/t LCE (' + (a.price_source || '') + ')';
  d.appendChild(src);
  const table = (caption, rows) => {
    const t = document.createElement('table');
    t.className = 'data kv';
    const cap = document.createElement('caption');
    cap.textContent = T(caption);
    t.appendChild(cap);
    const body = document.createElement('tbody');
    for (const [k, v] of rows) { const row = document.createElement('tr'); cell(row, k); cell(row, v); body.appendChild(row); }
    t.appendChild(body);
    d.appendChild(t);
    return t;
  };
  table('Owners', (a.owners || []).map(o => [tr(o.owner || o.owner_id || ''), stakeText(o.stake_pct)]));
  const cost = a.cost_usd_per_t_lce || {};
  const parts = Object.entries(cost).filter(([k, v]) => typeof v === 'number' && !['c1', 'aisc'].includes(k));
  table('Cost breakdown, USD/t LCE ex-VAT (' + (a.cost_basis || '') + ')',
    parts.map(([k, v]) => [k.replace(/_/g, ' '), FMT0.format(v)]).concat([['C1', FMT0.format(cost.c1 || 0)], ['AISC', FMT0.format(cost.aisc || 0)]]));
  const box = document.createElement('div');
  box.id = 'asset-cost-chart';
  box.className = 'chart';
  d.appendChild(box);
  if (charts['asset-cost-chart']) { charts['asset-cost-chart'].dispose(); delete charts['asset-cost-chart']; el('asset-cost-chart-tools') && el('asset-cost-chart-tools').remove(); }
  chart('asset-cost-chart').setOption({ animation: false,
    title: { text: T('Cost breakdown') + ', USD/t LCE: ' + a.id, textStyle: { fontSize: 13 } },
    tooltip: {}, grid: { left: 170, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'value', name: 'USD/t LCE' }, yAxis: { type: 'category', data: parts.map(p => p[0].replace(/_/g, ' ')) },
    series: [{ name: 'USD/t LCE', type: 'bar', data: parts.map(p => Math.round(p[1])), itemStyle: { color: TYPE_COLOURS[a.resource_type] || '#888' } }]
  }, true);
  el('asset-cost-chart').dataset.parts = String(parts.length);
  const bal = a.balance_per_t_lce || {};
  table('Process balance per t LCE', Object.entries(bal).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k.replace(/_/g, ' '), FMT2(v)]));
  d.dataset.asset = a.id;
}

/** A stake in percent as text: 100%, 51%. */
function stakeText(pctValue) {
  if (pctValue === null || pctValue === undefined || pctValue === '') { return ''; }
  return Number(pctValue).toLocaleString('en-US', { maximumFractionDigits: 1 }) + '%';
}

function FMT2(v) { return Math.abs(v) >= 100 ? FMT0.format(v) : (Math.round(v * 100) / 100).toString(); }

function onSlider() {
  clearTimeout(curveState.timer);
  el('price-readout').textContent = 'Price: USD ' + FMT0.format(Number(el('price-slider').value)) + '/t LCE ex-VAT …';
  curveState.timer = setTimeout(() => loadCurve(true), 120);
}

function curveLegend() {
  const p = el('curve-legend');
  p.replaceChildren(document.createTextNode('Bar colour = resource type:'));
  for (const [t, colour] of Object.entries(TYPE_COLOURS)) {
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = colour;
    p.appendChild(sw);
    p.appendChild(document.createTextNode(t));
  }
  const grey = document.createElement('span');
  grey.className = 'swatch';
  grey.style.background = '#dddddd';
  p.appendChild(grey);
  p.appendChild(document.createTextNode('outside the filter · dashed line = price'));
}

function initCurve() {
  curveLegend();
  const year = el('curve-year');
  for (let y = 2015; y <= 2040; y++) { year.appendChild(new Option(String(y), String(y))); }
  year.value = '2025';
  el('price-slider').addEventListener('input', onSlider);
  el('price-slider').addEventListener('change', onSlider);
  el('curve-year').addEventListener('change', () => loadCurve(false));
  el('curve-basis').addEventListener('change', () => loadCurve(true));
  el('curve-type').addEventListener('change', renderCurve);
  el('curve-country').addEventListener('change', renderCurve);
  el('price-reset').addEventListener('click', () => loadCurve(false));
  loadCurve(false);
}

// ---------- jobs: shared ----------
async function succeededJobs(kind) {
  const r = await api('/api/jobs');
  if (!r.ok) { return []; }
  return r.body.jobs.filter(j => j.kind === kind && j.state === 'succeeded').reverse();
}

const KIND_NAMES = { simulate: 'The market simulation', mc: 'Monte Carlo ensembles' };

/** Runs are named by their scenario: names given in the form (this browser) or read from a result. */
function runNames() { try { return JSON.parse(localStorage.getItem('lichain-run-names') || '{}'); } catch (e) { return {}; } }
function rememberRun(id, name) { const n = runNames(); n[id] = name; localStorage.setItem('lichain-run-names', JSON.stringify(n)); }
function runLabel(j) {
  const name = runNames()[j.id];
  return (name ? name : T('run') + ' ' + j.id.slice(0, 8)) + ' (' + j.kind + ', ' + (j.created_at || '').slice(0, 16).replace('T', ' ') + ')';
}

/** Fills a job selector; returns the chosen job's result, or null after showing why there is none. */
async function selectedResult(kind, selectId, statusId) {
  if (!capabilities.jobs || !capabilities.jobs[kind]) {
    setStatus(statusId, 'na', 'Not available in this build: ' + KIND_NAMES[kind]
      + ' has not landed (POST /api/jobs with kind "' + kind + '" answers 501).');
    return null;
  }
  const jobs = await succeededJobs(kind);
  const sel = el(selectId);
  const current = sel.value;
  sel.replaceChildren(...jobs.map(j => new Option(runLabel(j), j.id)));
  if (jobs.some(j => j.id === current)) { sel.value = current; }
  if (!jobs.length) {
    setStatus(statusId, 'na', 'No finished ' + kind + ' job yet: start one in "Scenario jobs".');
    return null;
  }
  const r = await api('/api/jobs/' + sel.value + '/result');
  if (!r.ok) { showProblem(statusId, r, 'job result'); return null; }
  if (r.body && r.body.scenario && !runNames()[sel.value]) {
    rememberRun(sel.value, r.body.scenario);
    const opt = [...sel.options].find(o => o.value === sel.value);
    if (opt) { opt.textContent = runLabel(jobs.find(j => j.id === sel.value)); }
  }
  clearStatus(statusId);
  return r.body;
}

function lineSeries(name, data, extra) { return Object.assign({ name, type: 'line', showSymbol: false, data }, extra || {}); }

// ---------- market views (result of a simulate job: issue #3 JSON contract) ----------
let observedPrices = null;

async function loadMarket() {
  const res = await selectedResult('simulate', 'market-job', 'market-status');
  ['market-price', 'market-balance', 'market-supply'].forEach(id => chart(id).clear());
  fillTable('market-delta', [], []);
  if (!res) { return; }
  const months = res.months;
  el('market-price').dataset.months = String(months.length);
  // the second run to overlay: any other finished simulation
  const sel2 = el('market-job2');
  const current2 = sel2.value;
  const others = [...el('market-job').options].filter(o => o.value !== el('market-job').value);
  sel2.replaceChildren(new Option(T('(none)'), ''), ...others.map(o => new Option(o.textContent, o.value)));
  if (others.some(o => o.value === current2)) { sel2.value = current2; }
  let res2 = null;
  if (sel2.value) {
    const r2 = await api('/api/jobs/' + sel2.value + '/result');
    res2 = r2.ok ? r2.body : null;
  }
  if (!observedPrices) {
    const h = await api('/api/prices/monthly');
    observedPrices = h.ok ? h.body : { months: [], cny_per_t_incl_vat: [] };
  }
  const obs = new Map(observedPrices.months.map((m, i) => [m, observedPrices.cny_per_t_incl_vat[i]]));
  const observed = months.map(m => (obs.has(m) ? obs.get(m) : null));
  el('market-price').dataset.observed = String(observed.filter(v => v !== null).length);
  const nameA = [...el('market-job').options].find(o => o.value === el('market-job').value).textContent.split(' (')[0];
  const series = [lineSeries(nameA + ': CNY/t incl. VAT', res.price.cny_per_t_incl_vat),
    lineSeries(T('observed') + ' (SMM monthly average)', observed, { lineStyle: { color: '#222', width: 1.5 }, itemStyle: { color: '#222' }, connectNulls: false })];
  if (res2) {
    const nameB = sel2.options[sel2.selectedIndex].textContent.split(' (')[0];
    const m2 = new Map(res2.months.map((m, i) => [m, res2.price.cny_per_t_incl_vat[i]]));
    series.push(lineSeries(nameB + ': CNY/t incl. VAT', months.map(m => (m2.has(m) ? m2.get(m) : null)), { lineStyle: { type: 'dashed' } }));
    const a = annual(res);
    const b = annual(res2);
    const rows = Object.keys(a).filter(y => b[y]).map(y => ({ y, a: a[y], b: b[y] }));
    fillTable('market-delta', rows, [r => r.y, r => FMT0.format(r.a.price), r => FMT0.format(r.b.price), r => FMT0.format(r.b.price - r.a.price),
      r => FMT0.format(r.a.production), r => FMT0.format(r.b.production), r => FMT0.format(r.b.production - r.a.production)]);
    el('market-price').dataset.overlay = nameB;
  } else {
    delete el('market-price').dataset.overlay;
  }
  chart('market-price').setOption({ animation: false,
    title: { text: T('Battery-grade carbonate price, China spot, CNY/t incl. VAT'), subtext: T('observed: dataset prices_monthly.csv (SMM); simulated: LiChain market model'), textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 80, right: 30, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: months }, yAxis: [{ type: 'value', name: 'CNY/t incl. VAT' }],
    series
  }, true);
  chart('market-balance').setOption({ animation: false,
    title: { text: 'Balance: demand and production, t LCE per month', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 20 },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
    series: [lineSeries('demand', res.demand_t_lce), lineSeries('production', res.production_t_lce.total)]
  }, true);
  const byType = Object.entries(res.production_t_lce.by_resource_type || {});
  chart('market-supply').setOption({ animation: false,
    title: { text: 'Supply by resource type, t LCE per month', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 20 },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
    series: byType.map(([t, v]) => lineSeries(t, v, { stack: 'supply', areaStyle: {}, color: TYPE_COLOURS[t] }))
  }, true);
}

// ---------- forecast (lichain forecast --json from the last month of the record; docs/forecast.md) ----------
let forecastBody = null;

async function loadForecast() {
  if (!forecastBody) {
    setStatus('market-forecast-status', 'na', T('Computing the forecast and its record (a few seconds the first time)...'));
    const r = await api('/api/forecast');
    if (!r.ok) {
      setStatus('market-forecast-status', 'error', (r.body && r.body.detail) || ('HTTP ' + r.status));
      return;
    }
    forecastBody = r.body;
  }
  const f = forecastBody;
  const hm = f.history.months;
  const months = hm.concat(f.months);
  const pad = n => new Array(n).fill(null);
  const price = f.price.cny_per_t_incl_vat;
  // the band joins the last observed month so that the lines meet
  const last = f.history.cny_per_t_incl_vat[hm.length - 1];
  const band = q => pad(hm.length - 1).concat([last], price[q]);
  el('market-forecast').dataset.forecastMonths = String(f.months.length);
  el('market-forecast').dataset.historyMonths = String(hm.length);
  el('market-forecast').dataset.origin = f.origin;
  setStatus('market-forecast-status', 'ok', T('Origin') + ' ' + f.origin + ': ' + f.runs + ' ' + T('members') + ', seed ' + f.seed
    + '; ' + T('band: the ensemble widened by the model error of its own record before the origin'));
  chart('market-forecast').setOption({ animation: false,
    title: { text: T('Forecast: China carbonate, CNY/t incl. VAT (p10, p50, p90)'), subtext: T('observed: dataset prices_monthly.csv (SMM); forecast: LiChain market model from the data known at the origin'), textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 80, right: 30, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: months }, yAxis: [{ type: 'value', name: 'CNY/t incl. VAT' }],
    series: [
      lineSeries(T('observed') + ' (SMM monthly average)', f.history.cny_per_t_incl_vat.concat(pad(f.months.length)), { lineStyle: { color: '#222', width: 1.5 }, itemStyle: { color: '#222' } }),
      lineSeries('p10', band('p10'), { lineStyle: { type: 'dashed', color: '#1f77b4' }, itemStyle: { color: '#1f77b4' } }),
      lineSeries('p50', band('p50'), { lineStyle: { width: 2.5, color: '#1f77b4' }, itemStyle: { color: '#1f77b4' } }),
      lineSeries('p90', band('p90'), { lineStyle: { type: 'dashed', color: '#1f77b4' }, itemStyle: { color: '#1f77b4' } })
    ]
  }, true);
  const num = (v, d) => (v === null || v === undefined ? '–' : v.toFixed(d));
  const pct = v => (v === null || v === undefined ? '–' : Math.round(100 * v) + '%');
  const rows = Object.entries(f.skill).map(([h, s]) => ({ h, s }));
  fillTable('market-skill', rows, [r => r.h + ' ' + (r.h === '1' ? T('month') : T('months')), r => String(r.s.n), r => num(r.s.mae_log, 3), r => num(r.s.bias_log, 3),
    r => num(r.s.mase_no_change, 2), r => pct(r.s.coverage_p10_p90), r => (r.s.skill_vs_futures === null ? '–' : num(r.s.skill_vs_futures, 2) + ' (' + r.s.n_futures + ')')]);
}

function loadMarketView() {
  loadForecast();
  return loadMarket();
}

async function loadTrade() {
  const res = await selectedResult('simulate', 'trade-job', 'trade-status');
  chart('trade-chart').clear();
  if (!res) { return; }
  // trade_flows_t_lce: {origin country: {demand region: [t LCE per month]}}; the Sankey sums the last 12 months
  const tf = res.trade_flows_t_lce;
  if (!tf || typeof tf !== 'object' || !Object.keys(tf).length) {
    setStatus('trade-status', 'na', 'Not available in this build: this simulation result has no trade-flow matrix (field trade_flows_t_lce).');
    return;
  }
  const n = res.months.length;
  const from = Math.max(0, n - 12);
  const links = [];
  for (const [origin, regions] of Object.entries(tf)) {
    for (const [region, series] of Object.entries(regions)) {
      const v = series.slice(from).reduce((a, b) => a + b, 0);
      if (v > 0.5) { links.push({ source: origin, target: region + ' demand', value: Math.round(v) }); }
    }
  }
  const names = new Set();
  links.forEach(l => { names.add(l.source); names.add(l.target); });
  el('trade-chart').dataset.links = String(links.length);
  chart('trade-chart').setOption({ animation: false,
    title: { text: 'Trade flows from mine country to demand region, t LCE, ' + res.months[from] + '..' + res.months[n - 1], textStyle: { fontSize: 13 } },
    tooltip: {},
    series: [{ type: 'sankey', left: 40, right: 120, data: [...names].map(x => ({ name: x })), links, emphasis: { focus: 'adjacency' } }]
  }, true);
}

async function loadSelfSufficiency() {
  const res = await selectedResult('simulate', 'selfsuff-job', 'selfsuff-status');
  chart('selfsuff-chart').clear();
  if (!res) { return; }
  // ROW (rest of the world: mines far above its small demand) would flatten the regions that matter: left off the
  // scale and named, as in the PNG chart; JK = Japan + South Korea
  const ss = Object.entries(res.self_sufficiency || {}).filter(([c]) => c !== 'ROW');
  chart('selfsuff-chart').setOption({ animation: false,
    title: { text: 'Self-sufficiency (domestic mine supply ÷ demand; ROW off scale; JK = Japan + Korea)', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
    xAxis: { type: 'category', data: res.months }, yAxis: { type: 'value' },
    series: ss.map(([c, v]) => lineSeries(c, v))
  }, true);
}

// ---------- company ----------
async function loadCompanyIds() {
  const r = await api('/api/companies');
  if (!r.ok) { return; }
  const list = el('company-ids');
  list.replaceChildren(...r.body.companies.map(c => new Option(c.name, c.id)));
}

async function loadCompany() {
  const id = el('company-id').value.trim();
  const r = await api('/api/company/' + encodeURIComponent(id) + '?year=' + encodeURIComponent(el('company-year').value));
  chart('company-chart').clear();
  if (!r.ok) { showProblem('company-status', r, 'company P&L'); return; }
  clearStatus('company-status');
  const p = r.body;
  el('company-chart').dataset.segments = String(p.segments.length);
  const m = v => Math.round(v / 1e5) / 10; // USD million, 1 decimal
  chart('company-chart').setOption({ animation: false,
    title: { text: p.company + ' ' + p.year + ': margin by segment, USD million (integrated ' + FMT0.format(m(p.integrated_margin_usd)) + ')', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { top: 22 }, grid: { left: 80, right: 30, top: 60, bottom: 40 },
    xAxis: { type: 'category', data: p.segments.map(s => s.segment).concat(['integrated']) }, yAxis: { type: 'value', name: 'USD m' },
    series: [{ name: 'margin', type: 'bar', label: { show: true, position: 'top' },
      data: p.segments.map(s => ({ value: m(s.margin_usd), itemStyle: { color: s.margin_usd < 0 ? '#c0392b' : '#3a7' } }))
        .concat([{ value: m(p.integrated_margin_usd), itemStyle: { color: '#23395d' } }]) },
      { name: 'revenue', type: 'bar', data: p.segments.map(s => m(s.revenue_usd)), itemStyle: { color: '#bbb' } }]
  }, true);
  fillTable('company-assets', p.assets || [], [a => a.id, a => stakeText(a.stake_pct !== undefined ? a.stake_pct : 100 * a.stake), a => FMT0.format(m(a.standalone_margin_usd)), a => a.kept_by_group ? 'yes' : 'no']);
}

// ---------- river ----------
async function loadRiver() {
  const q = new URLSearchParams({ year: el('river-year').value, month: el('river-month').value });
  const r = await api('/api/env/river?' + q.toString());
  chart('river-chart').clear();
  if (!r.ok) { showProblem('river-status', r, 'river profile'); return; }
  clearStatus('river-status');
  const river = r.body;
  const pts = river.profile.points;
  // position of a (reach, km) on the profile: the profile point of that reach nearest to km
  const at = (reach, km) => {
    let best = null;
    for (const p of pts) {
      if (p.reach === reach && (best === null || Math.abs(p.km - km) < Math.abs(best.km - km))) { best = p; }
    }
    return best;
  };
  const stations = river.stations.map(s => ({ s, p: at(s.reach, s.km) })).filter(x => x.p);
  const outfalls = river.outfalls.map(o => ({ o, p: at(o.reach, o.km) })).filter(x => x.p);
  el('river-chart').dataset.points = String(pts.length);
  el('river-chart').dataset.stations = String(stations.length);
  chart('river-chart').setOption({ animation: false,
    title: { text: 'Steady-state thallium along the river from ' + river.profile.from_reach + ', ' + river.profile.month
      + ' (outfall discharges of the dataset)', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'item' }, legend: { top: 22 },
    grid: { left: 70, right: 30, top: 60, bottom: 50 },
    xAxis: { type: 'value', name: 'km from ' + river.profile.from_reach, nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: 'µg/L' },
    series: [
      lineSeries('thallium µg/L', pts.map(p => [p.distance_km, p.ug_per_l])),
      lineSeries('limit ' + river.profile.limit_ug_per_l + ' µg/L (' + river.profile.limit_source + ')',
        [[0, river.profile.limit_ug_per_l], [pts.length ? pts[pts.length - 1].distance_km : 1, river.profile.limit_ug_per_l]],
        { lineStyle: { type: 'dashed', color: '#a61b1b' } }),
      { name: 'stations', type: 'scatter', symbolSize: 10, data: stations.map(x => ({ value: [x.p.distance_km, x.p.ug_per_l], name: x.s.id + ' (' + x.s.kind + ', limit ' + x.s.limit_ug_per_l + ' µg/L)' })),
        tooltip: { formatter: p => p.name } },
      { name: 'outfalls', type: 'scatter', symbol: 'triangle', symbolSize: 12, data: outfalls.map(x => ({ value: [x.p.distance_km, 0], name: x.o.id + ' (' + x.o.plant + ')' })),
        tooltip: { formatter: p => p.name } }
    ]
  }, true);
  await firstAlertPage();
}

/**
 * Pages of alerts as /api/env/alerts serves them (issue 16): the cursor of every page seen is kept, so "previous"
 * asks for the page again with its own cursor and "next" with page.next_cursor; the server reads at most one page.
 */
let alertPages = { cursors: [null], page: 0 };

/** Starts the pages over (another river view or page size) and loads the first. */
function firstAlertPage() {
  alertPages = { cursors: [null], page: 0 };
  return loadAlertPage(0);
}

async function loadAlertPage(page) {
  const cursor = alertPages.cursors[page];
  const limit = el('river-alerts-limit').value;
  const al = await api('/api/env/alerts?limit=' + encodeURIComponent(limit)
    + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
  const next = al.ok && al.body.page ? al.body.page.next_cursor : null;
  if (al.ok) {
    alertPages.page = page;
    alertPages.cursors.length = page + 1;
    if (next) { alertPages.cursors.push(next); }
  }
  el('river-alerts-prev').disabled = !al.ok || page === 0;
  el('river-alerts-next').disabled = !next;
  const readout = el('river-alerts-page');
  readout.dataset.page = String(page + 1);
  readout.textContent = al.ok ? T('page') + ' ' + (page + 1) + (next ? '' : ' (' + T('last') + ')') : '';
  fillTable('river-alerts', al.ok ? (al.body.alerts || []) : [], [a => a.station + ' (' + a.station_kind + ')', a => a.kind,
    a => a.time, a => a.value_ug_per_l, a => a.limit_ug_per_l,
    a => (a.upstream || []).map(u => u.outfall + ' ' + u.distance_km + ' km' + (u.thallium_kg_per_month === null ? '' : ', ' + u.thallium_kg_per_month + ' kg Tl/month')).join('; ')]);
  if (!al.ok) {
    showProblem('river-alerts-status', al, 'alerts');
  } else if (!(al.body.alerts || []).length) {
    setStatus('river-alerts-status', 'ok', page === 0
      ? 'No alert on the ' + al.body.measurements + ' stored thallium measurements (POST a CSV to /api/env/measurements).'
      : 'No more alerts on the ' + al.body.measurements + ' stored thallium measurements.');
  } else {
    const inc = al.body.incidents || [];
    setStatus('river-alerts-status', 'alert', al.body.alerts.length + ' alert(s) on ' + al.body.measurements + ' stored thallium measurements'
      + (page > 0 || next ? ' (page ' + (page + 1) + (next ? '; more on the next page' : '; the last page') + ')' : '') + ', in '
      + inc.length + ' incident(s) on this page: ' + inc.map(i => '#' + i.incident + ' ' + i.first.replace('T', ' ') + '..' + i.last.replace('T', ' ') + ' at '
      + i.stations.join(', ') + ' (up to ' + i.max_times_limit + '× the limit; upstream of all: ' + (i.common_upstream_outfalls.join(', ') || 'none') + ')').join('; '));
  }
}

// ---------- groundwater ----------
async function loadGroundwaterSites() {
  const sel = el('gw-site');
  if (sel.options.length) { return true; }
  const r = await api('/api/env/groundwater/sites');
  if (!r.ok) { showProblem('gw-status', r, 'groundwater sites'); return false; }
  for (const s of r.body.sites) {
    const o = document.createElement('option');
    o.value = s.id; o.textContent = s.id + ' (' + s.asset + ')';
    sel.appendChild(o);
  }
  if ([...sel.options].some(o => o.value === 'GW-JIANXIAWO')) { sel.value = 'GW-JIANXIAWO'; }
  return true;
}

async function loadGroundwater() {
  if (!(await loadGroundwaterSites())) { return; }
  const q = new URLSearchParams({ site: el('gw-site').value, year: el('gw-year').value,
    scenario: el('gw-scenario').value, years: el('gw-years').value });
  if (el('gw-stock').value) { q.set('stock_t', el('gw-stock').value); }
  const r = await api('/api/env/groundwater?' + q.toString());
  chart('gw-plan').clear();
  fillTable('gw-points', [], []);
  delete el('gw-plan').dataset.cells;
  if (!r.ok) { showProblem('gw-status', r, 'groundwater'); return; }
  const g = r.body;
  const plan = g.plan;
  const cells = [];
  plan.ug_per_l.forEach((row, j) => row.forEach((v, i) => { if (v >= 0.001) { cells.push([i, j, v]); } }));
  const nearest = (axis, v) => { let b = 0; axis.forEach((a, k) => { if (Math.abs(a - v) < Math.abs(axis[b] - v)) { b = k; } }); return b; };
  const pts = g.points.map(p => ({ p, i: nearest(plan.x_m, p.x_m), j: nearest(plan.y_m, p.kind === 'river' ? 0 : p.y_m) }));
  const half = plan.stack_side_m / 2;
  const stack = [[nearest(plan.x_m, -plan.stack_side_m), nearest(plan.y_m, -half)], [nearest(plan.x_m, 0), nearest(plan.y_m, half)]];
  el('gw-plan').dataset.cells = String(cells.length);
  el('gw-plan').dataset.points = String(pts.length);
  const kindSymbol = { well: 'circle', candidate: 'emptyCircle', river: 'triangle', receptor_well: 'diamond' };
  chart('gw-plan').setOption({ animation: false,
    title: { text: g.site + ' (' + g.asset + '), ' + g.scenario + ' from ' + g.year + ': thallium after ' + plan.at_years + ' years', textStyle: { fontSize: 13 } },
    tooltip: { formatter: p => p.seriesType === 'heatmap' ? ('x ' + plan.x_m[p.value[0]] + ' m, y ' + plan.y_m[p.value[1]] + ' m: ' + p.value[2] + ' µg/L') : p.name },
    grid: { left: 60, right: 120, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: plan.x_m, name: 'x m (downgradient)', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'category', data: plan.y_m, name: 'y m' },
    visualMap: { type: 'piecewise', seriesIndex: 0, right: 0, top: 'middle', pieces: [
      { min: 0.001, max: 0.1, label: '0.001–0.1 (I–III)', color: '#c6dbef' },
      { gt: 0.1, lte: 1, label: '0.1–1 (IV)', color: '#fd8d3c' },
      { gt: 1, label: '> 1 (V)', color: '#bd0026' }] },
    series: [
      { type: 'heatmap', name: 'thallium µg/L', data: cells,
        markArea: { silent: true, itemStyle: { color: 'rgba(80,80,80,0.25)', borderColor: '#333', borderWidth: 1 },
          label: { show: true, formatter: 'stack' }, data: [[{ coord: stack[0] }, { coord: stack[1] }]] } },
      { type: 'scatter', name: 'points', symbolSize: 10, itemStyle: { color: '#23395d' },
        data: pts.map(x => ({ name: x.p.id + ' (' + x.p.kind + ')', value: [x.i, x.j], symbol: kindSymbol[x.p.kind] || 'circle' })) }
    ]
  }, true);
  setStatus('gw-status', 'ok', FMT0.format(g.residue_stock_t) + ' t residue (' + g.stock_basis + '); '
    + g.tl_leached_kg + ' kg Tl leached in ' + g.horizon_years + ' years; Tl front ' + g.aquifer.tl_front_velocity_m_per_year + ' m/yr.');
  fillTable('gw-points', g.points, [p => p.id, p => p.kind, p => p.x_m, p => p.y_m,
    p => p.arrival_years === null ? '–' : p.arrival_years, p => p.peak_ug_per_l, p => p.peak_class]);
}

// ---------- inspection plan ----------
async function loadPlan() {
  const r = await api('/api/env/plan?month=' + encodeURIComponent(el('plan-month').value));
  fillTable('plan-table', [], []);
  if (!r.ok) { showProblem('plan-status', r, 'inspection plan'); return; }
  const p = r.body;
  const g = p.attribution && p.attribution.groups.length ? p.attribution.groups[0] : null;
  setStatus('plan-status', 'ok', p.month + ': ' + p.used_days + ' of ' + p.capacity_days + ' inspector-days, risk covered '
    + p.risk_covered + ' of ' + p.risk_total + ' (' + p.solver + '); monitoring store: ' + p.monitoring_store + ', '
    + p.past_alerts + ' past alert(s)'
    + (g ? '; attributed group ' + g.outfalls.join(', ') + ' (confidence ' + g.confidence + '), every member visited' : '')
    + (p.attribution && p.attribution.separating_samples.length ? '; a sample that separates them: '
      + p.attribution.separating_samples.map(x => x.location + ' at ' + x.time.replace('T', ' ') + ' (' + x.separation_sigma + ' σ'
        + (x.after_last_sample ? ', still possible' : ', had it been taken') + ')').join('; ') : ''));
  fillTable('plan-table', p.visits, [v => v.site, v => v.plant, v => v.days, v => v.risk, v => v.reason]);
}

// ---------- scenario jobs ----------
const FIELD_INPUTS = { 'scenario.from': 'job-from', 'scenario.to': 'job-to', 'scenario.seed': 'job-seed', runs: 'job-runs', kind: 'job-kind' };
let pollTimer = null;

async function startJob(ev) {
  ev.preventDefault();
  document.querySelectorAll('#job-form .invalid').forEach(x => x.classList.remove('invalid'));
  let extra;
  try {
    extra = JSON.parse(el('job-extra').value || '{}');
    if (typeof extra !== 'object' || Array.isArray(extra) || extra === null) { throw new Error('not an object'); }
  } catch (e) {
    el('job-extra').classList.add('invalid');
    setStatus('job-status', 'error', 'More scenario keys: not a JSON object (' + e.message + ')');
    return;
  }
  const scenario = Object.assign({}, extra, { from: el('job-from').value, to: el('job-to').value, seed: Number(el('job-seed').value) });
  const name = el('job-name').value.trim();
  if (name) { scenario.name = name; }
  const body = { kind: el('job-kind').value, scenario, runs: Number(el('job-runs').value) };
  const token = el('job-token').value.trim();
  sessionStorage.setItem('lichain-token', token);
  const r = await api('/api/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(body) });
  if (r.status === 202) {
    rememberRun(r.body.id, name || body.kind);
    setStatus('job-status', 'ok', 'Job "' + (name || body.kind) + '" (' + r.body.id.slice(0, 8) + ') accepted (' + r.body.state + ').');
    tokenNote();
    pollJob(r.body.id);
  } else if (r.status === 400) {
    const field = r.body.field || '';
    const input = FIELD_INPUTS[field] ? el(FIELD_INPUTS[field]) : (field.startsWith('scenario.') ? el('job-extra') : null);
    if (input) { input.classList.add('invalid'); }
    setStatus('job-status', 'error', 'Invalid ' + field + ': ' + r.body.detail);
  } else if (r.status === 401) {
    el('job-token').classList.add('invalid');
    setStatus('job-status', 'error', 'Unauthorized: ' + r.body.detail);
  } else if (r.status === 429) {
    setStatus('job-status', 'error', 'The job queue is full; retry in a few seconds.');
  } else {
    showProblem('job-status', r, 'job kind "' + body.kind + '"');
  }
  loadJobs();
}

function pollJob(id) {
  clearInterval(pollTimer);
  const tick = async () => {
    const r = await api('/api/jobs/' + id);
    if (!r.ok) { clearInterval(pollTimer); return; }
    const j = r.body;
    el('job-progress-bar').style.width = (100 * j.progress.fraction).toFixed(1) + '%';
    el('job-progress').textContent = j.kind + ' ' + j.id.slice(0, 8) + ': ' + j.state + ', ' + j.progress.done + '/' + j.progress.total
      + ' (' + pct(j.progress.fraction) + ') ' + (j.progress.message || '') + (j.error ? ' — ' + j.error : '');
    el('job-progress').dataset.state = j.state;
    if (['succeeded', 'failed', 'cancelled'].includes(j.state)) {
      clearInterval(pollTimer);
      loadJobs();
      if (j.state === 'succeeded') {
        const res = await api(j.result);
        showJobResult(j, res.body);
      }
    }
  };
  pollTimer = setInterval(tick, 400);
  tick();
}

async function cancelJob(id) {
  const token = el('job-token').value.trim();
  const r = await api('/api/jobs/' + id, { method: 'DELETE', headers: { Authorization: 'Bearer ' + token } });
  if (!r.ok) { showProblem('job-status', r, 'cancel'); }
  loadJobs();
}

async function loadJobs() {
  const r = await api('/api/jobs');
  if (!r.ok) { return; }
  const kinds = r.body.available_kinds;
  if (!kinds.includes('simulate') && !kinds.includes('mc')) {
    setStatus('jobs-capability', 'na', 'Not available in this build: neither the market simulation nor Monte Carlo ensembles have landed, '
      + 'so POST /api/jobs answers 501 for "simulate" and "mc". The form still validates your scenario (400 names the field).');
  }
  const tbody = fillTable('job-list', r.body.jobs.slice().reverse(), [j => j.id.slice(0, 8), j => j.kind, j => j.state, j => pct(j.progress.fraction), () => '']);
  r.body.jobs.slice().reverse().forEach((j, i) => {
    const td = tbody.children[i].lastChild;
    tbody.children[i].firstChild.textContent = runLabel(j);
    if (j.state === 'queued' || j.state === 'running') {
      const b = document.createElement('button'); b.textContent = 'cancel'; b.type = 'button';
      b.addEventListener('click', () => cancelJob(j.id)); td.appendChild(b);
    } else if (j.state === 'succeeded') {
      const b = document.createElement('button'); b.textContent = 'show'; b.type = 'button';
      b.addEventListener('click', () => pollJob(j.id)); td.appendChild(b);
    }
  });
}

/** The token is typed once per browser session (sessionStorage) and then prefilled. */
function tokenNote() {
  el('job-token-note').textContent = sessionStorage.getItem('lichain-token') ? T('Token remembered for this browser session.') : '';
}

function initJobs() {
  el('job-token').value = sessionStorage.getItem('lichain-token') || '';
  tokenNote();
  el('job-form').addEventListener('submit', startJob);
}

/** A finished job as cards and a table (an ensemble's percentiles, a simulation's annual summary), not JSON. */
function showJobResult(j, res) {
  const d = el('job-result');
  d.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = runLabel(j);
  d.appendChild(h);
  const cards = document.createElement('div');
  cards.className = 'cards';
  const card = (k, v) => { const c = document.createElement('div'); c.className = 'card'; const b = document.createElement('b'); b.textContent = v; c.appendChild(b); c.appendChild(document.createTextNode(T(k))); cards.appendChild(c); };
  d.appendChild(cards);
  const t = document.createElement('table');
  t.className = 'data';
  const head = document.createElement('thead');
  const body = document.createElement('tbody');
  t.appendChild(head); t.appendChild(body);
  const headRow = cols => { const r = document.createElement('tr'); cols.forEach(c => { const th = document.createElement('th'); th.textContent = c; r.appendChild(th); }); head.appendChild(r); };
  if (res && res.metrics) { // mc summary: the last year's percentiles per metric
    card('runs', FMT0.format(res.runs)); card('seed', String(res.seed)); card('scenario', res.scenario);
    headRow(['metric', 'year', 'p5', 'p50', 'p95', 'unit']);
    for (const [m, years] of Object.entries(res.metrics)) {
      const y = Object.keys(years).sort().pop();
      const row = document.createElement('tr');
      [m, y, FMT0.format(years[y].p5), FMT0.format(years[y].p50), FMT0.format(years[y].p95), (res.units || {})[m] || ''].forEach(v => cell(row, v));
      body.appendChild(row);
    }
  } else if (res && res.months) { // a simulation: annual mean price and sums of production
    card('scenario', res.scenario); card('months', String(res.months.length));
    headRow(['year', 'price CNY/t incl. VAT (mean)', 'production t LCE (sum)']);
    for (const [y, v] of Object.entries(annual(res))) {
      const row = document.createElement('tr');
      [y, FMT0.format(v.price), FMT0.format(v.production)].forEach(x => cell(row, x));
      body.appendChild(row);
    }
  }
  d.appendChild(t);
  // the result as the chart it describes: a run's annual price, an ensemble's first metric as p5/p50/p95
  const box = document.createElement('div');
  box.id = 'job-result-chart';
  box.className = 'chart';
  d.appendChild(box);
  if (charts['job-result-chart']) { charts['job-result-chart'].dispose(); delete charts['job-result-chart']; }
  if (el('job-result-chart-tools')) { el('job-result-chart-tools').remove(); }
  let option = null;
  if (res && res.metrics) {
    const m = Object.keys(res.metrics)[0];
    const years = Object.keys(res.metrics[m]).sort();
    option = { title: { text: m + ': p5, p50, p95 (' + res.runs + ' runs)', textStyle: { fontSize: 13 } }, legend: { bottom: 0 },
      xAxis: { type: 'category', data: years }, yAxis: { type: 'value', scale: true, name: (res.units || {})[m] || '' },
      series: ['p5', 'p50', 'p95'].map(k => lineSeries(k, years.map(y => res.metrics[m][y][k]), k === 'p50' ? {} : { lineStyle: { type: 'dashed' } })) };
  } else if (res && res.months) {
    const a = annual(res);
    const years = Object.keys(a);
    option = { title: { text: T('Battery-grade carbonate price, China spot, CNY/t incl. VAT') + ' (' + T('annual mean') + ')', textStyle: { fontSize: 13 } },
      xAxis: { type: 'category', data: years }, yAxis: { type: 'value', name: 'CNY/t incl. VAT' },
      series: [lineSeries(res.scenario || 'run', years.map(y => Math.round(a[y].price)))] };
  }
  if (option) {
    chart('job-result-chart').setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 80, right: 30, top: 40, bottom: 50 } }, option), true);
    box.dataset.series = String(option.series.length);
  }
}

/** Annual means of the monthly China price and sums of production of a simulation result. */
function annual(res) {
  const out = {};
  res.months.forEach((m, i) => {
    const y = m.slice(0, 4);
    out[y] = out[y] || { price: 0, n: 0, production: 0 };
    out[y].price += res.price.cny_per_t_incl_vat[i];
    out[y].n += 1;
    out[y].production += res.production_t_lce.total[i];
  });
  Object.values(out).forEach(v => { v.price /= v.n; });
  return out;
}

// ---------- ensembles (result of an mc job: issue #7 summary.json) ----------
async function loadEnsemble() {
  const res = await selectedResult('mc', 'ensemble-job', 'ensemble-status');
  chart('ensemble-chart').clear();
  if (!res) { return; }
  const metrics = Object.keys(res.metrics || {});
  const msel = el('ensemble-metric');
  const current = msel.value;
  msel.replaceChildren(...metrics.map(m => new Option(m, m)));
  if (metrics.includes(current)) { msel.value = current; }
  const m = res.metrics[msel.value] || {};
  const years = Object.keys(m).sort();
  const q = k => years.map(y => m[y][k]);
  el('ensemble-chart').dataset.years = String(years.length);
  const band = (name, lo, hi, colour) => [
    lineSeries(name + ' low', lo, { stack: name, lineStyle: { opacity: 0 } }),
    lineSeries(name, hi.map((v, i) => v - lo[i]), { stack: name, lineStyle: { opacity: 0 }, areaStyle: { color: colour } })];
  chart('ensemble-chart').setOption({ animation: false,
    title: { text: msel.value + ' (' + res.runs + ' runs, seed ' + res.seed + '): p5–p95, p25–p75, median', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: years }, yAxis: { type: 'value', scale: true },
    series: [...band('p5–p95', q('p5'), q('p95'), 'rgba(43,123,186,0.2)'), ...band('p25–p75', q('p25'), q('p75'), 'rgba(43,123,186,0.4)'),
      lineSeries('median', q('p50'), { lineStyle: { width: 2, color: '#23395d' } })]
  }, true);
}

// ---------- schedule ----------
let schedulePlantsLoaded = false;

async function loadSchedulePlants() {
  if (schedulePlantsLoaded) { return; }
  const r = await api('/api/schedule/plants');
  if (!r.ok) { showProblem('schedule-status', r, 'plant schedules'); return; }
  const sel = el('schedule-plant');
  sel.replaceChildren(...r.body.plants.map(p => new Option(p.id + ' — ' + tr(p.name), p.id)));
  if (r.body.plants.some(p => p.id === 'CN-JX-06')) { sel.value = 'CN-JX-06'; }
  schedulePlantsLoaded = true;
}

/** A month's schedule as a plant manager reads it: a typical day by stage, an hour × day heat map, the stages. */
async function loadSchedule() {
  await loadSchedulePlants();
  setStatus('schedule-status', 'ok', T('Solving the month (one MIP; this can take a minute)…'));
  const q = new URLSearchParams({ plant: el('schedule-plant').value, month: el('schedule-month').value });
  const r = await api('/api/schedule?' + q.toString());
  chart('schedule-day').clear();
  chart('schedule-heat').clear();
  if (!r.ok) { showProblem('schedule-status', r, 'schedule'); return; }
  const s = r.body;
  setStatus('schedule-status', 'ok', s.plant + ' ' + s.month + ': ' + T('power cost') + ' ' + FMT0.format(s.cost_cny) + ' CNY vs '
    + FMT0.format(s.flat_cost_cny) + ' CNY ' + T('flat') + ' (' + T('saving') + ' ' + s.saving_pct.toFixed(1) + '%), '
    + T('valley share') + ' ' + pct(s.valley_kwh_share) + ' vs ' + pct(s.flat_valley_kwh_share) + ' · ' + T('tariff') + ' ' + s.tariff);
  const hours = [...Array(24).keys()].map(h => String(h).padStart(2, '0') + ':00');
  const fold = series => { const sum = new Array(24).fill(0); const n = new Array(24).fill(0); series.forEach((v, t) => { sum[t % 24] += v; n[t % 24]++; }); return sum.map((v, h) => v / Math.max(1, n[h])); };
  const price = fold(s.price_cny_per_kwh);
  const BAND_COLOURS = { deep_valley: 'rgba(158,202,225,0.45)', valley: 'rgba(222,235,247,0.6)', peak: 'rgba(253,208,162,0.5)', critical_peak: 'rgba(252,146,114,0.5)' };
  const bands = (s.band || []).slice(0, 24).map((b, h) => (BAND_COLOURS[b] ? [{ xAxis: hours[h], itemStyle: { color: BAND_COLOURS[b] }, name: b.replace('_', ' ') }, { xAxis: hours[Math.min(h + 1, 23)] }] : null)).filter(x => x);
  chart('schedule-day').setOption({ animation: false,
    title: { text: T('Typical day: mean load by hour, % of each stage\'s maximum rate'), subtext: T('line: mean power price CNY/kWh (tariff bands)'), textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 60, right: 70, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: hours },
    yAxis: [{ type: 'value', name: '% of max', max: 100, min: 0 }, { type: 'value', name: 'CNY/kWh' }],
    series: s.stages.map((st, i) => lineSeries(st.id, fold(st.rate_t_lce_per_h).map(v => Math.round(1000 * v / st.max_rate_t_lce_per_h) / 10),
      Object.assign({ step: 'start' }, i === 0 ? { markArea: { silent: true, label: { show: false }, data: bands } } : {})))
      .concat([lineSeries(T('power price'), price.map(v => Math.round(v * 1000) / 1000), { yAxisIndex: 1, lineStyle: { type: 'dashed', color: '#999' }, step: 'start' })])
  }, true);
  const days = Math.ceil(s.hours / 24);
  const heat = [];
  let maxMw = 0;
  let minMw = Infinity;
  for (let t = 0; t < s.hours; t++) {
    let kw = 0;
    s.stages.forEach(st => { kw += st.rate_t_lce_per_h[t] * st.kwh_per_t_lce; });
    const mw = Math.round(kw / 100) / 10;
    maxMw = Math.max(maxMw, mw);
    minMw = Math.min(minMw, mw);
    heat.push([Math.floor(t / 24), t % 24, mw]);
  }
  chart('schedule-heat').setOption({ animation: false,
    title: { text: T('Power draw, MW: hour of day × day of the month'), textStyle: { fontSize: 13 } },
    tooltip: { formatter: p => T('day') + ' ' + (p.value[0] + 1) + ', ' + hours[p.value[1]] + ': ' + p.value[2] + ' MW' },
    grid: { left: 60, right: 90, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: [...Array(days).keys()].map(d => String(d + 1)), name: T('day') },
    yAxis: { type: 'category', data: hours, inverse: true },
    visualMap: { min: Math.min(minMw, maxMw), max: Math.max(maxMw, minMw + 0.1), calculable: true, orient: 'vertical', right: 0, top: 'center', inRange: { color: ['#f7fbff', '#08306b'] } },
    series: [{ name: 'MW', type: 'heatmap', data: heat }]
  }, true);
  el('schedule-heat').dataset.cells = String(heat.length);
  fillTable('schedule-stages', s.stages, [st => st.id, st => FMT0.format(st.kwh), st => pct(st.valley_kwh_share), st => pct(st.flat_valley_kwh_share),
    st => st.rate_swing_pct_of_max.toFixed(1), st => String(st.restarts)]);
}

// ---------- language: English / 简体中文 ----------
let LANG = 'en';
const ZH = {
  'Cost curve': '成本曲线', 'Market': '市场', 'Trade flows': '贸易流', 'Self-sufficiency': '自给率', 'Companies': '企业',
  'River': '河流', 'Inspection plan': '检查计划', 'Schedule': '生产排程', 'Scenario jobs': '情景任务', 'Ensembles': '蒙特卡洛集合',
  'Language': '语言', 'lithium supply chain: costs, market, companies, environment': '锂供应链：成本、市场、企业、环境',
  'Cost curve of mined supply': '矿山供应成本曲线', 'Year': '年份', 'Basis': '口径', 'Resource type': '资源类型', 'Country': '国家',
  'Price (USD/t LCE ex-VAT)': '价格（美元/吨LCE，不含税）', 'reference price': '参考价格', 'By resource type': '按资源类型',
  'Assets on the curve (selection, cheapest first)': '曲线上的资产（所选，成本由低到高）',
  'type': '类型', 'capacity t LCE': '产能 吨LCE', 'production t LCE': '产量 吨LCE', 'share at a loss': '亏损比例',
  'median C1 USD/t': 'C1中位数 美元/吨', 'id': '编号', 'name': '名称', 'country': '国家', 'C1 USD/t': 'C1 美元/吨', 'AISC USD/t': 'AISC 美元/吨',
  'Market: price path, balance and supply by type': '市场：价格路径、供需平衡与分类型供应', 'Scenario run': '情景运行', 'Compare with': '对比',
  'refresh': '刷新', 'Two runs compared (annual means of the monthly price, sums of flows)': '两次运行对比（月度价格的年均值，流量之和）',
  'Forecast from the last month of the record, and its measured skill': '自记录最后一个月起的预测及其实测技能',
  'Forecast: China carbonate, CNY/t incl. VAT (p10, p50, p90)': '预测：中国碳酸锂，元/吨（含增值税）（p10、p50、p90）',
  'horizon': '预测期', 'origins': '起点数', 'MAE of log price': '对数价格平均绝对误差', 'bias of log price': '对数价格偏差',
  'MASE vs no change': '相对无变化预测的MASE', 'p10–p90 coverage': 'p10–p90覆盖率', 'skill vs futures': '相对期货的技能',
  'Origin': '起点', 'members': '个成员',
  'year': '年份', 'Self-sufficiency and imports': '自给率与进口', 'Company chain P&L': '企业产业链损益', 'Company': '企业', 'show': '显示',
  'Lithium assets: stand-alone margin and whether the group keeps them': '锂资产：独立利润及集团是否保留',
  'asset': '资产', 'stake': '股权', 'stand-alone margin USD m': '独立利润 百万美元', 'kept by group': '集团保留',
  'River profile: stations, limits and alerts': '河流剖面：监测站、限值与预警', 'Year of discharges': '排放年份', 'Month': '月份',
  'Alerts': '预警', 'station': '监测站', 'alert': '预警', 'time': '时间', 'limit µg/L': '限值 µg/L',
  'upstream outfalls (distance, discharge)': '上游排污口（距离、排放量）', 'plan': '制定计划', 'site (outfall)': '地点（排污口）',
  'plant': '工厂', 'inspector-days': '检查人日', 'risk': '风险', 'reason': '原因',
  'Plant schedule on time-of-use power': '分时电价下的工厂排程', 'Plant': '工厂', 'schedule': '排程', 'stage': '工段',
  'valley share': '谷电占比', 'flat valley share': '平稳运行谷电占比', 'swing % of max': '波动（最大负荷%）', 'restarts': '重启次数',
  'Scenario: start a simulation or an ensemble': '情景：启动模拟或集合运行', 'Scenario name': '情景名称', 'Kind': '类型', 'From': '起始',
  'To': '结束', 'Seed': '随机种子', 'Runs': '运行次数', 'Start job': '启动任务', 'Jobs': '任务', 'kind': '类型', 'state': '状态', 'progress': '进度',
  'Ensembles: fan charts': '集合：扇形图', 'Ensemble': '集合', 'Metric': '指标', 'Owners': '股东', 'Source': '来源', 'Price': '价格',
  'Cost breakdown': '成本构成', 'Process balance per t LCE': '每吨LCE的物料与能耗平衡', 'observed': '实际观测', '(none)': '（无）',
  'Token remembered for this browser session.': '令牌已在本次浏览器会话中保存。', 'run': '运行', 'runs': '运行次数', 'seed': '随机种子',
  'scenario': '情景', 'months': '月数', 'power cost': '电费', 'flat': '平稳运行', 'saving': '节省', 'tariff': '电价', 'day': '日',
  'power price': '电价', 'Battery-grade carbonate price, China spot, CNY/t incl. VAT': '电池级碳酸锂中国现货价格，元/吨（含税）',
  'Typical day: mean load by hour, % of each stage\'s maximum rate': '典型日：各工段逐时平均负荷（占最大产能%）',
  'Power draw, MW: hour of day × day of the month': '用电功率（兆瓦）：小时 × 日期',
  'Solving the month (one MIP; this can take a minute)…': '正在求解本月排程（混合整数规划，约需一分钟）…',
  'annual mean': '年均值', 'Price source': '价格来源', 'capacity': '产能', 'cumulative capacity, t LCE/yr': '累计产能，吨LCE/年',
  'Bar colour = resource type:': '柱色 = 资源类型：', 'brine': '卤水', 'spodumene': '锂辉石', 'lepidolite': '锂云母', 'clay': '黏土', 'other': '其他',
  'outside the filter · dashed line = price': '筛选之外 · 虚线 = 价格', 'C1 cash cost': 'C1 现金成本', 'all': '全部',
  'Month of discharges': '排放月份', 'CSV': 'CSV', 'PNG': 'PNG',
  'previous page': '上一页', 'next page': '下一页', 'Alerts per page': '每页预警数', 'page': '页', 'last': '最后一页'
};
/** Chinese names of the places and companies of the Yichun story, used in every table and title in 简体中文. */
const ZH_NAMES = [['Yichun', '宜春'], ['Jinjiang', '锦江'], ['Jiangte', '江特电机'], ['CATL', '宁德时代'], ['Jianxiawo', '枧下窝'],
  ['Yifeng', '宜丰'], ["Gao'an", '高安'], ['Shanggao', '上高'], ['Wanzai', '万载'], ['Yuanzhou', '袁州'], ['Nanchang', '南昌'],
  ['Gotion', '国轩高科'], ['Yongxing', '永兴材料'], ['Ganfeng', '赣锋锂业'], ['Tianqi', '天齐锂业'], ['BYD', '比亚迪'],
  ['Jiangxi', '江西'], ['Sichuan', '四川'], ['Qinghai', '青海'], ['Qijin', '齐劲']];

function T(text) { return LANG === 'zh' && ZH[text] ? ZH[text] : text; }

function tr(text) {
  if (LANG !== 'zh' || typeof text !== 'string') { return text; }
  let out = ZH[text] || text;
  for (const [en, zh] of ZH_NAMES) { out = out.split(en).join(zh); }
  return out;
}

const originals = new WeakMap();

function setLanguage(lang) {
  LANG = lang === 'zh' ? 'zh' : 'en';
  localStorage.setItem('lichain-lang', LANG);
  document.documentElement.lang = LANG === 'zh' ? 'zh-CN' : 'en';
  el('lang').value = LANG;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('tbody, .status, .readout, .note, script, #asset-detail, #job-result')) { continue; }
    if (!originals.has(n)) { originals.set(n, n.nodeValue); }
    const en = originals.get(n);
    const key = en.trim();
    n.nodeValue = LANG === 'zh' && ZH[key] ? en.replace(key, ZH[key]) : en;
  }
  document.body.dataset.lang = LANG;
  const active = document.querySelector('#nav button.active');
  if (active && VIEWS[active.dataset.view]) { VIEWS[active.dataset.view](); }
  if (curveState.data) { renderCurve(); }
}

// ---------- start ----------
const VIEWS = {
  market: loadMarketView, trade: loadTrade, selfsuff: loadSelfSufficiency, company: loadCompany,
  river: loadRiver, groundwater: loadGroundwater, plan: loadPlan, jobs: loadJobs, ensemble: loadEnsemble,
  schedule: loadSchedulePlants
};

async function init() {
  const cap = await api('/api/capabilities');
  capabilities = cap.ok ? cap.body : { jobs: {} };
  document.querySelectorAll('#nav button').forEach(b => b.addEventListener('click', () => showView(b.dataset.view)));
  el('company-go').addEventListener('click', loadCompany);
  el('plan-go').addEventListener('click', loadPlan);
  el('river-go').addEventListener('click', loadRiver);
  el('river-alerts-next').addEventListener('click', () => loadAlertPage(alertPages.page + 1));
  el('river-alerts-prev').addEventListener('click', () => loadAlertPage(alertPages.page - 1));
  el('river-alerts-limit').addEventListener('change', () => { firstAlertPage(); });
  el('gw-go').addEventListener('click', loadGroundwater);
  loadCompanyIds();
  el('market-refresh').addEventListener('click', loadMarket);
  el('market-job2').addEventListener('change', loadMarket);
  el('schedule-go').addEventListener('click', loadSchedule);
  el('lang').addEventListener('change', () => setLanguage(el('lang').value));
  ['market-job'].forEach(id => el(id).addEventListener('change', loadMarket));
  el('trade-job').addEventListener('change', loadTrade);
  el('selfsuff-job').addEventListener('change', loadSelfSufficiency);
  el('ensemble-job').addEventListener('change', loadEnsemble);
  el('ensemble-metric').addEventListener('change', loadEnsemble);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  initCurve();
  initJobs();
  setLanguage(localStorage.getItem('lichain-lang') || 'en');
  const start = location.hash.replace('#', '');
  if (start && start !== 'curve' && (VIEWS[start] || start === 'curve')) { showView(start); }
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', init);
