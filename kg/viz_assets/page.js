// The graph page's behaviour: draw the precomputed layout, search, filter, explain.
// Every string from the data is inserted with textContent, never as HTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('kg-data').textContent);
  const KINDS = data.kinds.map(([name, zh, colour, shape]) => ({ name, zh, colour, shape }));
  const RELS = data.relations.map(([name, zh]) => ({ name, zh }));
  const N = data.nodes.length;
  const big = N > 1500;
  const MAX_ITEMS = 100;  // per relation in the side panel; a hub can have hundreds

  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  };
  const $ = (id) => document.getElementById(id);

  // -- names, in simplified script, for the search box --------------------
  const toSimp = (s) => Array.from(s, (c) => data.t2s[c] || c).join('').toLowerCase();
  const names = data.nodes.map((n) => [n[1], ...n[2]].map(toSimp));

  // -- adjacency ----------------------------------------------------------
  const incident = Array.from({ length: N }, () => []);
  data.edges.forEach((e, i) => { incident[e[0]].push(i); incident[e[1]].push(i); });
  const degree = incident.map((list) => list.length);

  // -- vis-network ----------------------------------------------------------
  const nodeStyle = (i) => {
    const kind = KINDS[data.nodes[i][0]];
    return { background: kind.colour, border: kind.colour,
             highlight: { background: kind.colour, border: '#d62728' } };
  };
  const nodes = new vis.DataSet(data.nodes.map((n, i) => ({
    id: i, label: n[1], x: n[5], y: n[6], shape: KINDS[n[0]].shape,
    size: Math.min(10 + 2.5 * Math.sqrt(degree[i]), 40), color: nodeStyle(i),
  })));
  const edgeTitle = (rel) => el('span', { textContent: `${rel.name} (${rel.zh})` });
  // Two facts between the same pair (主持 and 讲话 at one meeting) would be drawn on top
  // of each other: the second and later ones bend away, alternately left and right.
  const pairSeen = new Map();
  const bend = (e) => {
    const key = e[0] < e[1] ? `${e[0]},${e[1]}` : `${e[1]},${e[0]}`;
    const k = pairSeen.get(key) || 0;
    pairSeen.set(key, k + 1);
    if (k === 0) return false;
    const side = (k % 2 === 1) === (e[0] < e[1]) ? 'curvedCW' : 'curvedCCW';
    return { enabled: true, type: side, roundness: 0.25 * Math.ceil(k / 2) };
  };
  const edges = new vis.DataSet(data.edges.map((e, i) => ({
    id: i, from: e[0], to: e[1], label: RELS[e[2]].zh, title: edgeTitle(RELS[e[2]]),
    smooth: bend(e),
  })));
  const network = new vis.Network($('graph'), { nodes, edges }, {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: { enabled: false, solver: 'barnesHut', stabilization: false,
               barnesHut: { springLength: 120, avoidOverlap: 0.2 } },
    nodes: { borderWidth: 1, borderWidthSelected: 3,
             font: { size: 14, face: 'Noto Sans CJK SC, WenQuanYi Zen Hei, PingFang SC, Microsoft YaHei, sans-serif',
                     strokeWidth: 3, strokeColor: '#ffffff' } },
    edges: { smooth: false, width: 1, selectionWidth: 2,
             arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             color: { color: '#b8b8b8', highlight: '#d62728', hover: '#888888' },
             font: { size: 11, color: '#555', strokeWidth: 3, align: 'horizontal' } },
    interaction: { hover: false, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
  });

  // -- highlighting neighbours ------------------------------------------------
  // Rings drawn over the canvas after each frame: no DataSet update, so lighting up
  // the 500 neighbours of a big hub costs one redraw, not 500 node re-layouts.
  let lit = new Set();
  function highlight(ids) {
    lit = new Set(ids);
    network.redraw();
  }
  network.on('afterDrawing', (ctx) => {
    const scale = network.getScale();
    ctx.strokeStyle = '#d62728';
    ctx.lineWidth = Math.max(3, 2 / scale);
    for (const id of lit) {
      const node = network.body.nodes[id];
      if (!node || node.options.hidden) continue;
      ctx.beginPath();
      ctx.arc(node.x, node.y, node.options.size + 5 + 2 / scale, 0, 2 * Math.PI);
      ctx.stroke();
    }
  });
  const neighbourIds = (i) => incident[i].map((e) => (data.edges[e][0] === i ? data.edges[e][1] : data.edges[e][0]));

  // -- side panel ---------------------------------------------------------------
  const shellArg = (s) => (/^[\p{L}\p{N}_.·-]+$/u.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  // A fact quotes only its first few sentences (a hub of a big corpus has thousands):
  // the rest are counted, with the query that lists them all from the built graph.
  function sourcesList(refs, total, query) {
    const list = el('div', { className: 'sources' });
    for (let k = 0; k < refs.length; k += 2) {
      const [title, date] = data.articles[refs[k + 1]];
      list.append(el('blockquote', { textContent: data.sentences[refs[k]] }),
                  el('cite', { textContent: `《${title}》${date ? ' · ' + date : ''}` }));
    }
    const more = total - refs.length / 2;
    if (more > 0) {
      list.append(el('p', { className: 'more',
                            textContent: `… 另有 ${more} 句, 共 ${total} 句 (${more} more of ${total} sentences): ` },
                     el('code', { textContent: query })));
    }
    return list;
  }
  const factQuery = (from, to) => 'kg query queries/fact-source.rq'
    + ` --param subject=${shellArg(data.nodes[from][1])} --param object=${shellArg(data.nodes[to][1])}`;

  function showDetails(i) {
    const n = data.nodes[i];
    const kind = KINDS[n[0]];
    const box = $('details');
    box.replaceChildren(
      el('h2', { textContent: n[1] }),
      el('p', { className: 'type', textContent: `${kind.zh} · ${kind.name}` }));
    if (n[2].length) box.append(el('p', { className: 'alts', textContent: `又名 also: ${n[2].join('、')}` }));
    if (n[3]) {
      box.append(el('h3', { textContent: `日期 date: ${n[3]}` }),
                 sourcesList(n[4], n[7], `kg query queries/evidence.rq --param subject=${shellArg(n[1])}`));
    }
    const groups = new Map();
    for (const e of incident[i]) {
      const [from, to, rel, refs, total] = data.edges[e];
      const out = from === i;
      const key = `${out ? 'out' : 'in'}:${rel}`;
      if (!groups.has(key)) groups.set(key, { rel: RELS[rel], out, items: [] });
      groups.get(key).items.push({ other: out ? to : from, refs, total, query: factQuery(from, to) });
    }
    for (const g of groups.values()) {
      const heading = g.out ? `${g.rel.zh} → (${g.rel.name})` : `← ${g.rel.zh} (${g.rel.name} by)`;
      const list = el('ul');
      for (const item of g.items.slice(0, MAX_ITEMS)) {
        const link = el('button', { className: 'link', type: 'button', textContent: data.nodes[item.other][1] });
        link.addEventListener('click', () => focusNode(item.other));
        list.append(el('li', {}, link, sourcesList(item.refs, item.total, item.query)));
      }
      if (g.items.length > MAX_ITEMS) {
        list.append(el('li', { textContent: `… 另有 ${g.items.length - MAX_ITEMS} 项 (${g.items.length - MAX_ITEMS} more)` }));
      }
      box.append(el('h3', { textContent: `${heading} · ${g.items.length}` }), list);
    }
    $('panel').hidden = false;
  }

  function select(i) {
    network.selectNodes([i], true);
    highlight([i, ...neighbourIds(i)]);
    showDetails(i);
  }

  function focusNode(i) {
    if (nodes.get(i).hidden) {  // a filtered-out node: show its class again
      const box = document.querySelector(`#kinds input[data-kind="${data.nodes[i][0]}"]`);
      if (box) { box.checked = true; }
      applyFilters();
    }
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    select(i);
  }

  network.on('click', (params) => {
    if (params.nodes.length) select(params.nodes[0]);
    else { $('panel').hidden = true; highlight([]); }
  });
  $('close').addEventListener('click', () => { $('panel').hidden = true; highlight([]); network.unselectAll(); });

  // -- search -------------------------------------------------------------------
  function search(query) {
    const q = toSimp(query.trim());
    if (!q) return [];
    const hits = [];
    names.forEach((list, i) => {
      let rank = 3;
      for (const name of list) {
        if (name === q) rank = Math.min(rank, 0);
        else if (name.startsWith(q)) rank = Math.min(rank, 1);
        else if (name.includes(q)) rank = Math.min(rank, 2);
      }
      if (rank < 3) hits.push([rank, -degree[i], data.nodes[i][1], i]);
    });
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    return hits.slice(0, 20).map((h) => h[3]);
  }
  const results = $('results');
  function showResults() {
    const hits = search($('search').value);
    results.replaceChildren(...hits.map((i, k) => {
      const item = el('li', { className: k === 0 ? 'active' : '' }, data.nodes[i][1],
                      el('span', { className: 'kind', textContent: KINDS[data.nodes[i][0]].zh }));
      item.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i); });
      return item;
    }));
    results.hidden = hits.length === 0;
    return hits;
  }
  function choose(i) { results.hidden = true; focusNode(i); }
  $('search').addEventListener('input', showResults);
  $('search').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      const hits = showResults();
      if (hits.length) choose(hits[0]);
    } else if (ev.key === 'Escape') results.hidden = true;
  });
  $('search').addEventListener('blur', () => { results.hidden = true; });

  // -- filters ------------------------------------------------------------------
  const kindOn = KINDS.map(() => true);
  const relOn = RELS.map(() => true);
  const dated = data.nodes.map((n) => (/^\d{4}-\d{2}-\d{2}/.test(n[3]) ? n[3].slice(0, 10) : ''));
  let from = '';
  let to = '';

  function applyFilters() {
    KINDS.forEach((_, k) => { kindOn[k] = document.querySelector(`#kinds input[data-kind="${k}"]`).checked; });
    RELS.forEach((_, r) => { relOn[r] = document.querySelector(`#relations input[data-rel="${r}"]`).checked; });
    from = $('date-from').value;
    to = $('date-to').value;
    const nodeChanges = [];
    data.nodes.forEach((n, i) => {
      const d = dated[i];
      const hidden = !kindOn[n[0]] || (d !== '' && ((from && d < from) || (to && d > to)));
      if (nodes.get(i).hidden !== hidden) nodeChanges.push({ id: i, hidden });
    });
    nodes.update(nodeChanges);
    const edgeChanges = [];
    data.edges.forEach((e, i) => {
      const hidden = !relOn[e[2]];
      if (Boolean(edges.get(i).hidden) !== hidden) edgeChanges.push({ id: i, hidden });
    });
    edges.update(edgeChanges);
    updateStatus();
  }

  function swatch(kind) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('class', 'swatch');
    const shapes = {
      dot: ['circle', { cx: 8, cy: 8, r: 7 }],
      diamond: ['polygon', { points: '8,1 15,8 8,15 1,8' }],
      square: ['rect', { x: 2, y: 2, width: 12, height: 12 }],
      triangle: ['polygon', { points: '8,1 15,15 1,15' }],
      hexagon: ['polygon', { points: '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8' }],
    };
    const [tag, attrs] = shapes[kind.shape] || shapes.dot;
    const shape = document.createElementNS(ns, tag);
    for (const [a, v] of Object.entries(attrs)) shape.setAttribute(a, v);
    shape.setAttribute('fill', kind.colour);
    svg.append(shape);
    return svg;
  }

  const kindCount = KINDS.map((_, k) => data.nodes.filter((n) => n[0] === k).length);
  KINDS.forEach((kind, k) => {
    const box = el('input', { type: 'checkbox', checked: true });
    box.dataset.kind = k;
    box.addEventListener('change', applyFilters);
    $('kinds').append(el('label', {}, box, swatch(kind), `${kind.zh} ${kind.name} (${kindCount[k]})`));
  });
  const relCount = RELS.map((_, r) => data.edges.filter((e) => e[2] === r).length);
  RELS.forEach((rel, r) => {
    const box = el('input', { type: 'checkbox', checked: true });
    box.dataset.rel = r;
    box.addEventListener('change', applyFilters);
    $('relations').append(el('label', {}, box, `${rel.zh} ${rel.name} (${relCount[r]})`));
  });
  const days = dated.filter(Boolean).sort();
  if (days.length) {
    $('dates').hidden = false;
    for (const id of ['date-from', 'date-to']) {
      $(id).min = days[0];
      $(id).max = days[days.length - 1];
      $(id).addEventListener('change', applyFilters);
    }
  }

  // -- status, note, physics ------------------------------------------------------
  function visibleNodeIds() { return nodes.getIds({ filter: (n) => !n.hidden }); }
  function updateStatus() {
    const shown = visibleNodeIds().length;
    const shownEdges = edges.get({ filter: (e) => !e.hidden && !nodes.get(e.from).hidden && !nodes.get(e.to).hidden }).length;
    $('status').textContent = `${shown} / ${N} 节点 nodes · ${shownEdges} 边 edges`;
  }
  if (data.note) { $('note').textContent = data.note; $('note').hidden = false; }
  $('physics').addEventListener('change', (ev) => {
    network.setOptions({ physics: { enabled: ev.target.checked } });
  });
  $('fit').addEventListener('click', () => network.fit({ animation: false }));
  updateStatus();

  network.once('afterDrawing', () => { document.body.dataset.ready = 'true'; });
  window.kgView = { network, nodes, edges, focusNode, visibleNodeIds, search,
                    highlighted: () => Array.from(lit) };
}());
