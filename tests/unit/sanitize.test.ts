// Tests the HTML sanitizer against hostile markup and checks that it keeps the body's element structure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildReviewHtml,
  parseHtmlTree,
  REVIEW_CSP,
  reviewHtmlFromMarkup,
  sanitizeCss,
  sanitizeHtml,
  sanitizeTree,
} from '../../src/main/import/sanitize';

const HOSTILE = join(__dirname, '..', 'fixtures', 'hostile');

const hostile = `<html><head><meta http-equiv="refresh" content="0;url=http://evil.example/"><base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/a.css"><style>@import url(http://evil.example/b.css); body{background:url("http://evil.example/c.png")}
p{color:red} .x{background:url(data:image/png;base64,AAAA)}</style><script>alert(1)</script></head>
<body onload="alert(2)"><div class="a"><p>正文<script>alert(3)</script></p><iframe src="http://evil.example/"></iframe>
<img src="http://evil.example/t.png" alt="远程图片" onerror="alert(4)"><img srcset="http://evil.example/1x.png 1x" src="data:image/png;base64,iVBOR">
<a href="javascript:alert(5)">链接</a><a href=" JaVa&#x09;Script:alert(6)">x</a><a href="data:text/html,<script>alert(7)</script>">d</a>
<a href="http://evil.example/">远程</a><a href="#sec2">页内</a><svg onload="alert(8)"><circle r="1"/></svg>
<object data="http://evil.example/x.swf"></object><embed src="http://evil.example/x.swf"><form action="http://evil.example/"><input name="q"><p>表单里的字</p></form>
<p style="background-image:url(http://evil.example/d.png);color:blue" onclick="alert(9)">样式</p><p style="width:expr\\65ssion(alert(10))">e</p>
<noscript><img src="http://evil.example/n.png"></noscript><meta http-equiv="refresh" content="0"><video src="http://evil.example/v.mp4"></video>
<!-- comment --></div></body></html>`;

describe('sanitizeHtml', () => {
  const out = sanitizeHtml(hostile);

  it('removes everything active or remote', () => {
    expect(out).not.toMatch(/<script|<iframe|<object|<embed|<svg|<input|<video|<noscript|<meta|<base|<link|<form/i);
    expect(out).not.toMatch(/\bon[a-z]+=/i);
    expect(out).not.toMatch(/javascript:|evil\.example|srcset|expression|<!--/i);
    expect(out).not.toMatch(/data:text/i);
  });

  it('keeps text, in-page anchors, inline images and harmless styles', () => {
    expect(out).toContain('正文');
    expect(out).toContain('表单里的字');
    expect(out).toContain('href="#sec2"');
    expect(out).toContain('src="data:image/png;base64,iVBOR"');
    expect(out).toContain('color:blue');
    expect(out).toContain('alt="远程图片"'); // the element stays (structure), without its remote source
  });

  it('keeps the element structure of the body apart from removed elements', () => {
    const page = '<body><div><p>a</p><table><tr><td>1</td></tr></table><div><span>b</span></div></div></body>';
    const again = sanitizeHtml(sanitizeHtml(page));
    expect(again).toBe(sanitizeHtml(page));
    expect(sanitizeHtml(page)).toBe(
      '<body><div><p>a</p><table><tbody><tr><td>1</td></tr></tbody></table><div><span>b</span></div></div></body>',
    );
  });

  it('turns a page-wide form into a div so its content keeps its place', () => {
    expect(sanitizeHtml('<body><form action="/x"><div>正文</div></form></body>')).toBe('<body><div><div>正文</div></div></body>');
  });
});

describe('sanitizeCss', () => {
  it('drops @import and remote url(), keeps data images', () => {
    expect(sanitizeCss('@import "http://a/b.css"; a{color:red}')).toBe(' a{color:red}');
    expect(sanitizeCss('a{background:url( "https://a/b.png" )}')).toBe('a{background:none}');
    expect(sanitizeCss('a{background:url(data:image/gif;base64,R0l)}')).toBe('a{background:url(data:image/gif;base64,R0l)}');
    expect(sanitizeCss('a{background:u\\72l(http://a/b.png)}')).not.toContain('http');
  });
});

describe('review page', () => {
  it('has a doctype, the strict CSP and the sanitized body with the page styles', () => {
    const doc = parseHtmlTree(hostile);
    sanitizeTree(doc);
    const page = buildReviewHtml(doc, '标题<x>');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${REVIEW_CSP}">`);
    expect(REVIEW_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(page).toContain('<title>标题&#60;x&#62;</title>');
    expect(page).toContain('p{color:red}');
    expect(page).not.toMatch(/evil\.example|<script|@import/i);
  });

  it('wraps bare markup (mammoth output)', () => {
    const page = reviewHtmlFromMarkup('<p>甲</p><table><tr><td>1</td></tr></table><img src="x.png" onerror="alert(1)">');
    expect(page).toContain('<body><p>甲</p><table><tbody><tr><td>1</td></tr></tbody></table><img></body>');
  });

  it('sanitizes the hostile fixture page', () => {
    const page = sanitizeHtml(readFileSync(join(HOSTILE, 'hostile-page.html'), 'utf8'));
    expect(page).not.toMatch(/<script|javascript:|http:\/\/|https:\/\/|\bon[a-z]+=/i);
    expect(page).toContain('政府信息公开');
  });
});
