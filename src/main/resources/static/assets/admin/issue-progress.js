// Keeps an issue's progress bar and counts current while it is being sent. Without JavaScript the
// page shows the counts of when it was loaded, with a refresh link.
const section = document.querySelector('[data-progress-url]');
const FINAL = new Set(['SENT', 'CANCELLED']);

async function refresh() {
  try {
    const response = await fetch(section.dataset.progressUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return true;
    const p = await response.json();
    document.getElementById('issue-progress').value = p.percent;
    document.getElementById('issue-progress').textContent = p.percent + '%';
    document.getElementById('issue-percent').textContent = p.percent + '%';
    for (const key of ['total', 'queued', 'sent', 'failed', 'suppressed']) {
      document.getElementById('count-' + key).textContent = p[key];
    }
    const status = document.getElementById('issue-status');
    if (status.textContent !== p.statusLabel) {
      status.textContent = p.statusLabel;
      if (FINAL.has(p.status)) location.reload();
    }
    return !FINAL.has(p.status);
  } catch {
    return true;
  }
}

async function loop() {
  if (await refresh()) setTimeout(loop, 1500);
}

if (section) loop();
