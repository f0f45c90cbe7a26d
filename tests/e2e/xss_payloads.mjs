// Markup that must never run or render: script, event handlers, javascript: links, entities.
export const payloads = [
  '<script>alert("name-script")</script>',
  '<img src=x onerror="alert(\'img\')">',
  '<svg onload=alert(1)><circle r=5></svg>',
  '"><iframe src="javascript:alert(2)"></iframe>',
  '[click me](javascript:alert(3)) and <a href="javascript:alert(4)">link</a>',
  '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;alert(5)&#x3C;/script&#x3E;',
  '<style>body{display:none}</style><b onmouseover=alert(6)>hover</b>',
  '`<details open ontoggle=alert(7)>` **bold** _under_ <!-- comment -->',
];
