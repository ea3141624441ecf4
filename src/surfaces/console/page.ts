/**
 * The console's one HTML page: the script builds every view into `#app`. It carries no data: a
 * signed-out visitor sees the sign-in form, and whatever a signed-in one sees comes from /admin.
 */
export function consolePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Course Tutor console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
<script src="/console/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div id="app"><p class="loading">Loading the console…</p></div>
<noscript><p>The console needs JavaScript. Scripts can use the same JSON routes under /admin directly.</p></noscript>
</body>
</html>
`;
}
