// The offline API reference at /api/docs: a page and a script served by the server itself (the
// CSP forbids inline scripts and no CDN is reachable). The script reads /api/openapi.json and
// lists every path, method, parameter and response schema.

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Marsad API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1d1d1f; }
h1 { margin-bottom: .2rem; } .sub { color: #666; margin-top: 0; }
nav a { margin-inline-end: .8rem; }
section.op { border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; padding: .6rem 1rem; }
.method { display: inline-block; min-width: 4rem; font-weight: 700; text-transform: uppercase; }
.get { color: #0a6b2d; } .post { color: #8a4b00; }
code, pre { font: 13px/1.45 ui-monospace, monospace; }
pre { background: #f6f6f8; padding: .5rem .7rem; border-radius: 4px; overflow: auto; max-height: 24rem; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: start; padding: .2rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
.err { color: #a00; }
</style>
</head>
<body>
<h1>Marsad HTTP API</h1>
<p class="sub">Generated from <a href="/api/openapi.json">/api/openapi.json</a>. Lists take <code>?limit=</code> and <code>?offset=</code>.</p>
<nav id="tags"></nav>
<main id="ops"><p>Loading…</p></main>
<h2>Schemas</h2>
<div id="schemas"></div>
<script src="/api/docs.js"></script>
</body>
</html>
`;

export const DOCS_JS = `'use strict';
(function () {
  var el = function (tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { e.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return e;
  };
  var refName = function (ref) { return ref.split('/').pop(); };
  function typeOf(s) {
    if (!s) return 'any';
    if (s.$ref) return refName(s.$ref);
    if (s.enum) return s.enum.map(function (v) { return JSON.stringify(v); }).join(' | ');
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(typeOf).join(' | ');
    if (s.type === 'array') return typeOf(s.items) + '[]';
    var t = Array.isArray(s.type) ? s.type.join(' | ') : s.type || 'object';
    return t + (s.format ? ' (' + s.format + ')' : '');
  }
  function schemaText(s, depth) {
    depth = depth || 0;
    var pad = '  '.repeat(depth);
    if (!s) return 'any';
    if (s.$ref) return refName(s.$ref);
    if (s.type === 'object' && s.properties) {
      var req = s.required || [];
      var lines = Object.keys(s.properties).map(function (k) {
        var p = s.properties[k];
        return pad + '  ' + k + (req.indexOf(k) >= 0 ? '' : '?') + ': ' + schemaText(p, depth + 1) +
          (p.description ? '   // ' + p.description : '');
      });
      return '{\\n' + lines.join('\\n') + '\\n' + pad + '}';
    }
    if (s.type === 'array') return schemaText(s.items, depth) + '[]';
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(function (x) { return schemaText(x, depth); }).join(' | ');
    return typeOf(s);
  }
  function params(op) {
    var list = op.parameters || [];
    if (!list.length) return null;
    var rows = list.map(function (p) {
      return el('tr', null, [
        el('td', null, [el('code', null, [p.name])]),
        el('td', null, [p.in + (p.required ? ', required' : '')]),
        el('td', null, [el('code', null, [typeOf(p.schema)])]),
        el('td', null, [p.description || (p.schema && p.schema.description) || '']),
      ]);
    });
    return el('table', null, [el('tr', null, [el('th', null, ['parameter']), el('th', null, ['in']), el('th', null, ['type']), el('th', null, ['description'])])].concat(rows));
  }
  function body(op) {
    if (!op.requestBody) return null;
    var c = op.requestBody.content || {};
    return el('div', null, [el('h4', null, ['Request body'])].concat(Object.keys(c).map(function (t) {
      return el('div', null, [el('code', null, [t]), el('pre', null, [schemaText(c[t].schema)])]);
    })));
  }
  function responses(op) {
    var r = op.responses || {};
    return el('div', null, [el('h4', null, ['Responses'])].concat(Object.keys(r).map(function (code) {
      var c = r[code].content || {};
      var types = Object.keys(c);
      return el('div', null, [el('strong', null, [code]), ' ', r[code].description || '',
        types.length && c[types[0]].schema ? el('pre', null, [types.join(', ') + '\\n' + schemaText(c[types[0]].schema)]) : '']);
    })));
  }
  var token = new URLSearchParams(location.search).get('token');
  fetch('/api/openapi.json' + (token ? '?token=' + encodeURIComponent(token) : ''), { credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(function (spec) {
      var ops = document.getElementById('ops');
      ops.textContent = '';
      var tags = [];
      Object.keys(spec.paths).forEach(function (path) {
        var item = spec.paths[path];
        Object.keys(item).forEach(function (method) {
          var op = item[method];
          var tag = (op.tags && op.tags[0]) || 'other';
          if (tags.indexOf(tag) < 0) { tags.push(tag); ops.append(el('h2', { id: 'tag-' + tag }, [tag])); }
          ops.append(el('section', { class: 'op' }, [
            el('h3', null, [el('span', { class: 'method ' + method }, [method]), el('code', null, [path])]),
            op.summary ? el('p', null, [op.summary]) : '',
            params(op) || '', body(op) || '', responses(op),
          ]));
        });
      });
      var nav = document.getElementById('tags');
      tags.forEach(function (t) { nav.append(el('a', { href: '#tag-' + t }, [t])); });
      var schemas = document.getElementById('schemas');
      var comps = (spec.components && spec.components.schemas) || {};
      Object.keys(comps).sort().forEach(function (name) {
        schemas.append(el('h3', { id: 'schema-' + name }, [name]), el('pre', null, [schemaText(comps[name])]));
      });
    })
    .catch(function (e) {
      document.getElementById('ops').replaceChildren(el('p', { class: 'err' }, ['Could not load the API description: ' + e.message]));
    });
})();
`;
