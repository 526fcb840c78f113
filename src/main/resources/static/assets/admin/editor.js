// The article editor's enhancements: the rich-text body (TinyMCE 6, self-hosted from the WebJar),
// autosave every 10 seconds with the same conflict rule as the form, live publishing checks,
// character counters, the slug made from the headline, related-article cards and Markdown paste.
// Without this script the page is a plain form that works on its own.

const form = document.getElementById('article-form');
const statusLine = document.getElementById('autosave-status');
const AUTOSAVE_MS = 10000;

let articleId = form.dataset.articleId || null;
let dirty = false;
let saving = null;
let conflicted = false;
let editor = null;

const csrfHeaders = () => ({ [form.dataset.csrfHeader]: form.dataset.csrfToken });

function say(text, warning = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('warning', warning);
}

function formBody() {
  if (editor) {
    editor.save();
  }
  return new URLSearchParams(new FormData(form));
}

// --- counters and the slug -------------------------------------------------------------------

function updateCounter(counter) {
  const field = document.getElementById(counter.dataset.counterFor);
  const length = field.value.trim().length;
  counter.querySelector('.count').textContent = String(length);
  counter.classList.toggle('over', length > Number(counter.dataset.limit));
}

document.querySelectorAll('[data-counter-for]').forEach(counter => {
  const field = document.getElementById(counter.dataset.counterFor);
  field.addEventListener('input', () => updateCounter(counter));
  updateCounter(counter);
});

const slug = document.getElementById('slug');
const headline = document.getElementById('headline');
let slugTouched = form.dataset.new !== 'true' || slug.value !== '';
const slugFrom = text => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
slug.addEventListener('input', () => { slugTouched = true; });
headline.addEventListener('input', () => {
  if (!slugTouched) {
    slug.value = slugFrom(headline.value);
  }
});

// --- hero image: a picked picture brings its words ---------------------------------------------

form.querySelectorAll('input[name=heroImageId]').forEach(radio => radio.addEventListener('change', () => {
  for (const [field, key] of [['heroAlt', 'alt'], ['heroCaption', 'caption'], ['heroCredit', 'credit']]) {
    const input = document.getElementById(field);
    if (radio.dataset[key] && input.value.trim() === '') {
      input.value = radio.dataset[key];
    }
  }
}));

// --- publishing checks -------------------------------------------------------------------------

function showChecks(checks) {
  const list = document.getElementById('checks-list');
  list.replaceChildren(...checks.map(check => {
    const item = document.createElement('li');
    item.dataset.field = check.field;
    const link = document.createElement('a');
    link.href = '#' + check.field;
    link.textContent = check.message;
    item.append(link);
    return item;
  }));
  document.getElementById('checks-ok').hidden = checks.length > 0;
  document.getElementById('checks-new')?.remove();
}

let checkTimer = null;
function checkSoon() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(async () => {
    const response = await fetch('/admin/articles/checks', { method: 'POST', headers: csrfHeaders(), body: formBody() });
    if (response.ok) {
      showChecks(await response.json());
    }
  }, 800);
}

// --- autosave ---------------------------------------------------------------------------------

function changed() {
  dirty = true;
  checkSoon();
}

form.addEventListener('input', changed);
form.addEventListener('change', changed);

async function save() {
  if (conflicted || !dirty) {
    return !conflicted;
  }
  if (saving) {
    return saving;
  }
  saving = (async () => {
    dirty = false;
    const url = articleId ? `/admin/articles/${articleId}/autosave` : '/admin/articles/autosave';
    try {
      const response = await fetch(url, { method: 'POST', headers: csrfHeaders(), body: formBody() });
      const answer = await response.json();
      if (response.status === 409) {
        conflicted = true;
        say(answer.message, true);
        return false;
      }
      if (!response.ok) {
        dirty = true;
        say(`${answer.message} ${Object.values(answer.errors || {}).join(' ')}`.trim(), true);
        return false;
      }
      document.getElementById('revision').value = answer.revision;
      if (!articleId) {
        articleId = String(answer.id);
        form.dataset.articleId = articleId;
        form.action = `/admin/articles/${articleId}`;
        history.replaceState(null, '', `/admin/articles/${articleId}`);
      }
      say(answer.message);
      if (answer.checks) {
        showChecks(answer.checks);
      }
      return true;
    }
    catch (error) {
      dirty = true;
      say('Not saved: the newsroom cannot be reached. Your text stays here; saving again soon.', true);
      return false;
    }
    finally {
      saving = null;
    }
  })();
  return saving;
}

if (form.dataset.editable === 'true') {
  setInterval(save, AUTOSAVE_MS);
  // A workflow step acts on the saved article: save what is typed first, and stop on a conflict.
  document.querySelectorAll('.workflow form').forEach(step => step.addEventListener('submit', async event => {
    if (!dirty) {
      return;
    }
    event.preventDefault();
    if (await save()) {
      step.submit();
    }
  }));
  form.addEventListener('submit', () => { dirty = false; });
  window.addEventListener('beforeunload', event => {
    if (dirty && !conflicted) {
      event.preventDefault();
    }
  });
}

// --- the rich-text body ------------------------------------------------------------------------

function pictures() {
  return [...form.querySelectorAll('input[name=heroImageId]')].filter(r => r.value)
    .map(r => ({ title: r.dataset.alt || `Picture ${r.value}`, value: r.nextElementSibling.getAttribute('src') }));
}

function relatedDialog(ed) {
  const spec = (items, q = '') => ({
    title: 'Insert a related-article card',
    body: {
      type: 'panel',
      items: [
        { type: 'input', name: 'q', label: 'Words from a published headline' },
        { type: 'button', name: 'search', text: 'Search' },
        { type: 'selectbox', name: 'slug', label: 'Article', items },
      ],
    },
    initialData: { q, slug: items[0]?.value || '' },
    buttons: [{ type: 'cancel', text: 'Cancel' }, { type: 'submit', text: 'Insert card', primary: true }],
    onAction: async (api, details) => {
      if (details.name !== 'search') {
        return;
      }
      const words = api.getData().q;
      const response = await fetch('/admin/articles/related-search?q=' + encodeURIComponent(words));
      const found = response.ok ? await response.json() : [];
      const choices = found.length ? found.map(a => ({ text: `${a.headline} (${a.published})`, value: a.slug }))
        : [{ text: 'No published article matches', value: '' }];
      api.redial(spec(choices, words));
      api.focus('slug');
    },
    onSubmit: api => {
      const chosen = api.getData().slug;
      if (chosen) {
        ed.insertContent(`<aside class="related-card" data-slug="${chosen.replace(/[^a-z0-9-]/g, '')}"></aside><p></p>`);
      }
      api.close();
    },
  });
  ed.windowManager.open(spec([{ text: 'Search first', value: '' }]));
}

function markdownDialog(ed) {
  ed.windowManager.open({
    title: 'Paste Markdown',
    body: { type: 'panel', items: [{ type: 'textarea', name: 'markdown', label: 'Markdown', maximized: true }] },
    buttons: [{ type: 'cancel', text: 'Cancel' }, { type: 'submit', text: 'Insert', primary: true }],
    onSubmit: async api => {
      const body = new URLSearchParams({ markdown: api.getData().markdown });
      const response = await fetch('/admin/articles/markdown', { method: 'POST', headers: csrfHeaders(), body });
      if (response.ok) {
        ed.insertContent((await response.json()).html);
        api.close();
      }
      else {
        ed.notificationManager.open({ text: 'The Markdown could not be converted (too long?).', type: 'error' });
      }
    },
  });
}

if (window.tinymce && form.dataset.editable === 'true') {
  window.tinymce.init({
    target: document.getElementById('body'),
    base_url: '/webjars/tinymce',
    suffix: '.min',
    promotion: false,
    branding: false,
    menubar: false,
    // The status bar's element path and resize handle carry ARIA attributes axe-core rejects.
    statusbar: false,
    height: 560,
    plugins: 'lists link image autolink',
    toolbar: 'undo redo | blocks | bold italic | bullist numlist blockquote | link image | relatedarticle pastemarkdown',
    block_formats: 'Paragraph=p; Subheading=h2; Minor subheading=h3',
    // Only what the server's sanitizer keeps: anything else would vanish on save.
    valid_elements: 'p,h2,h3,h4,blockquote[cite],ul,ol,li,strong/b,em/i,br,a[href],figure[class],figcaption,'
      + 'img[src|alt|width|height],aside[class|data-slug]',
    extended_valid_elements: 'aside[class|data-slug]',
    valid_children: '+body[aside]',
    noneditable_class: 'related-card',
    image_caption: true,
    image_description: true,
    image_dimensions: false,
    image_list: success => success(pictures()),
    link_title: false,
    link_target_list: false,
    convert_urls: false,
    paste_data_images: false,
    paste_webkit_styles: 'none',
    paste_remove_styles_if_webkit: true,
    content_css: '/assets/admin/editor-content.css',
    iframe_aria_text: 'Article body. Press Alt+0 for keyboard help.',
    setup: ed => {
      editor = ed;
      ed.ui.registry.addButton('relatedarticle', { text: 'Related article', tooltip: 'Insert a related-article card', onAction: () => relatedDialog(ed) });
      ed.ui.registry.addButton('pastemarkdown', { text: 'Paste Markdown', tooltip: 'Insert text written in Markdown', onAction: () => markdownDialog(ed) });
      ed.on('input change undo redo SetContent', () => { if (ed.initialized) { changed(); } });
    },
    init_instance_callback: () => {
      window.mastheadEditorReady = performance.now();
      document.documentElement.dataset.editorReady = 'true';
    },
  });
}
