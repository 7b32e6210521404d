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
  }
  return charts[id];
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

function cell(tr, text) { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); return td; }

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
  el('price-readout').textContent = 'Price: USD ' + FMT0.format(price) + '/t LCE ex-VAT = CNY '
    + FMT0.format(c.price_cny_per_t_incl_vat) + '/t incl. VAT (' + c.year + ', ' + c.basis.toUpperCase() + ')';
  el('price-readout').dataset.priceUsd = String(price);
  el('price-source').textContent = 'Price source: ' + (c.price_source || '');
  const label = (type || country) ? 'selected output' : 'output';
  el('share-at-loss').textContent = 'Share of ' + label + ' at a loss: ' + pct(share);
  el('share-at-loss').dataset.share = String(share);
  el('selection-capacity').textContent = 'capacity ' + FMT0.format(capSel) + ' t LCE/yr';
  el('curve-chart').dataset.bars = String(bars.filter(b => b.selected).length);

  chart('curve-chart').setOption({ animation: false,
    title: { text: 'Cost curve ' + c.year + ' (' + c.basis.toUpperCase() + ')', left: 'center', textStyle: { fontSize: 13 } },
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
    xAxis: { type: 'value', name: 'cumulative capacity, t LCE/yr', nameLocation: 'middle', nameGap: 30, min: 0, max: Math.max(start, 1) },
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
  h.textContent = a.name + ' — ' + a.route + ', ' + a.region + ' (source: ' + a.source + ')';
  d.appendChild(h);
  const pre = document.createElement('pre');
  pre.className = 'result';
  pre.textContent = JSON.stringify({ owners: a.owners, cost_usd_per_t_lce: a.cost_usd_per_t_lce, balance_per_t_lce: a.balance_per_t_lce }, null, 1);
  d.appendChild(pre);
}

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
  sel.replaceChildren(...jobs.map(j => new Option(j.id.slice(0, 8) + ' (' + j.created_at + ')', j.id)));
  if (jobs.some(j => j.id === current)) { sel.value = current; }
  if (!jobs.length) {
    setStatus(statusId, 'na', 'No finished ' + kind + ' job yet: start one in "Scenario jobs".');
    return null;
  }
  const r = await api('/api/jobs/' + sel.value + '/result');
  if (!r.ok) { showProblem(statusId, r, 'job result'); return null; }
  clearStatus(statusId);
  return r.body;
}

function lineSeries(name, data, extra) { return Object.assign({ name, type: 'line', showSymbol: false, data }, extra || {}); }

// ---------- market views (result of a simulate job: issue #3 JSON contract) ----------
async function loadMarket() {
  const res = await selectedResult('simulate', 'market-job', 'market-status');
  ['market-price', 'market-balance', 'market-supply'].forEach(id => chart(id).clear());
  if (!res) { return; }
  const months = res.months;
  el('market-price').dataset.months = String(months.length);
  chart('market-price').setOption({ animation: false,
    title: { text: 'Battery-grade carbonate price', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 20 },
    xAxis: { type: 'category', data: months }, yAxis: [{ type: 'value', name: 'CNY/t incl. VAT' }, { type: 'value', name: 'USD/t LCE' }],
    series: [lineSeries('CNY/t incl. VAT', res.price.cny_per_t_incl_vat), lineSeries('USD/t LCE ex-VAT', res.price.usd_per_t_lce, { yAxisIndex: 1 })]
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
  const ss = Object.entries(res.self_sufficiency || {});
  chart('selfsuff-chart').setOption({ animation: false,
    title: { text: 'Self-sufficiency (domestic mine supply ÷ demand)', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 20 },
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
  fillTable('company-assets', p.assets || [], [a => a.id, a => a.stake, a => FMT0.format(m(a.standalone_margin_usd)), a => a.kept_by_group ? 'yes' : 'no']);
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
  const al = await api('/api/env/alerts');
  fillTable('river-alerts', al.ok ? (al.body.alerts || []) : [], [a => a.station + ' (' + a.station_kind + ')', a => a.kind,
    a => a.time, a => a.value_ug_per_l, a => a.limit_ug_per_l,
    a => (a.upstream || []).map(u => u.outfall + ' ' + u.distance_km + ' km' + (u.thallium_kg_per_month === null ? '' : ', ' + u.thallium_kg_per_month + ' kg Tl/month')).join('; ')]);
  if (!al.ok) {
    showProblem('river-alerts-status', al, 'alerts');
  } else if (!(al.body.alerts || []).length) {
    setStatus('river-alerts-status', 'ok', 'No alert on the ' + al.body.measurements + ' stored thallium measurements (POST a CSV to /api/env/measurements).');
  } else {
    setStatus('river-alerts-status', 'ok', al.body.alerts.length + ' alert(s) on ' + al.body.measurements + ' stored thallium measurements.');
  }
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
    + (g ? '; attributed group ' + g.outfalls.join(', ') + ' (confidence ' + g.confidence + '), every member visited' : ''));
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
  const body = { kind: el('job-kind').value, scenario, runs: Number(el('job-runs').value) };
  const token = el('job-token').value.trim();
  sessionStorage.setItem('lichain-token', token);
  const r = await api('/api/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(body) });
  if (r.status === 202) {
    setStatus('job-status', 'ok', 'Job ' + r.body.id + ' accepted (' + r.body.state + ').');
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
        el('job-result').textContent = JSON.stringify(res.body, null, 1).slice(0, 20000);
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
    if (j.state === 'queued' || j.state === 'running') {
      const b = document.createElement('button'); b.textContent = 'cancel'; b.type = 'button';
      b.addEventListener('click', () => cancelJob(j.id)); td.appendChild(b);
    } else if (j.state === 'succeeded') {
      const b = document.createElement('button'); b.textContent = 'show'; b.type = 'button';
      b.addEventListener('click', () => pollJob(j.id)); td.appendChild(b);
    }
  });
}

function initJobs() {
  el('job-token').value = sessionStorage.getItem('lichain-token') || '';
  el('job-form').addEventListener('submit', startJob);
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

// ---------- start ----------
const VIEWS = {
  market: loadMarket, trade: loadTrade, selfsuff: loadSelfSufficiency, company: loadCompany,
  river: loadRiver, plan: loadPlan, jobs: loadJobs, ensemble: loadEnsemble
};

async function init() {
  const cap = await api('/api/capabilities');
  capabilities = cap.ok ? cap.body : { jobs: {} };
  document.querySelectorAll('#nav button').forEach(b => b.addEventListener('click', () => showView(b.dataset.view)));
  el('company-go').addEventListener('click', loadCompany);
  el('plan-go').addEventListener('click', loadPlan);
  el('river-go').addEventListener('click', loadRiver);
  loadCompanyIds();
  el('market-refresh').addEventListener('click', loadMarket);
  ['market-job'].forEach(id => el(id).addEventListener('change', loadMarket));
  el('trade-job').addEventListener('change', loadTrade);
  el('selfsuff-job').addEventListener('change', loadSelfSufficiency);
  el('ensemble-job').addEventListener('change', loadEnsemble);
  el('ensemble-metric').addEventListener('change', loadEnsemble);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  initCurve();
  initJobs();
  const start = location.hash.replace('#', '');
  if (start && start !== 'curve' && (VIEWS[start] || start === 'curve')) { showView(start); }
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', init);
