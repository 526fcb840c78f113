// The News Feed, live: new, edited and deleted items arrive over Server-Sent Events and are placed
// into the list the server rendered. Without this script the list is complete as of page load.
// EventSource reconnects by itself and sends Last-Event-ID, so the server replays what was missed.

const feeds = [...document.querySelectorAll('[data-news-feed]')];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The same markup as partials/feeditem.jte, built with textContent only: item text never becomes HTML.
function itemNode(item, heading) {
  const li = element('li', 'feed-item' + (item.breaking ? ' is-breaking' : ''));
  li.id = 'item-' + item.id;
  li.dataset.id = item.id;
  li.dataset.postedAt = item.postedAt;
  const permalink = element('a', 'feed-time');
  permalink.href = item.permalink;
  const time = element('time', null, item.time);
  time.dateTime = item.postedAt;
  permalink.append(time);
  li.append(permalink);
  if (heading) {
    li.append(element('h3', 'feed-headline', item.headline));
  } else {
    const p = element('p', 'feed-headline');
    p.append(element('strong', null, item.headline));
    li.append(p);
  }
  li.append(element('p', 'feed-body', item.body));
  if (item.articlePath) {
    const p = element('p', 'feed-link');
    const a = element('a', null, 'Read the article');
    a.href = item.articlePath;
    a.append(element('span', 'visually-hidden', ': ' + item.headline));
    p.append(a);
    li.append(p);
  }
  return li;
}

function dayGroup(feed, day, heading) {
  const days = feed.querySelector('.feed-days');
  for (const group of days.querySelectorAll('.feed-group')) {
    if (group.dataset.day === day) return group.querySelector('ol');
  }
  const group = element(heading ? 'section' : 'div', 'feed-group');
  group.dataset.day = day;
  if (heading) group.setAttribute('aria-label', day);
  group.append(element(heading ? 'h2' : 'h3', 'feed-day', day));
  const list = element('ol', 'feed-items');
  group.append(list);
  days.prepend(group); // a new day is always the newest
  return list;
}

function remove(feed, id) {
  for (const node of feed.querySelectorAll('.feed-item')) {
    if (node.dataset.id === id) {
      const group = node.closest('.feed-group');
      node.remove();
      if (group && !group.querySelector('.feed-item')) group.remove();
    }
  }
}

function place(feed, item) {
  const heading = feed.dataset.heading === 'true';
  const existing = [...feed.querySelectorAll('.feed-item')].find((node) => node.dataset.id === item.id);
  const node = itemNode(item, heading);
  if (existing && existing.closest('.feed-pinned')) {
    existing.replaceWith(node);
    return;
  }
  if (existing) remove(feed, item.id);
  const list = dayGroup(feed, item.day, heading);
  // items of the same second: the one arriving now is the newer
  const later = [...list.children].find((li) => li.dataset.postedAt <= item.postedAt);
  list.insertBefore(node, later || null);
  feed.querySelector('.feed-empty')?.remove();
  const max = Number(feed.dataset.max || 0);
  if (max > 0) {
    const items = [...feed.querySelectorAll('.feed-days .feed-item')];
    for (const extra of items.slice(Math.max(0, max - feed.querySelectorAll('.feed-pinned .feed-item').length))) {
      remove(feed, extra.dataset.id);
    }
  }
}

function banner(item, deleted) {
  let box = document.getElementById('breaking-banner');
  if (deleted || !item.breaking) {
    if (box && box.dataset.id === item.id) box.remove();
    return;
  }
  if (!box) {
    box = element('div', 'breaking-banner');
    box.id = 'breaking-banner';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Breaking news');
    document.querySelector('.site-header')?.after(box);
  }
  box.dataset.id = item.id;
  box.replaceChildren();
  const p = element('p', 'wrap');
  p.append(element('strong', 'breaking-label', 'Breaking'), ' ');
  const a = element('a', null, item.headline);
  a.href = item.articlePath || item.permalink;
  p.append(a);
  box.append(p);
}

function connect() {
  const since = feeds[0].dataset.since || '';
  const source = new EventSource('/news-feed/events' + (since ? '?since=' + encodeURIComponent(since) : ''));
  const live = (on) => feeds.forEach((feed) => feed.querySelectorAll('.feed-live').forEach((n) => { n.hidden = !on; }));
  source.addEventListener('open', () => live(true));
  source.addEventListener('error', () => live(false));
  const handle = (event) => {
    const item = JSON.parse(event.data);
    const deleted = event.type === 'deleted';
    for (const feed of feeds) {
      feed.dataset.since = item.seq;
      if (deleted) remove(feed, item.id);
      else if (feed.dataset.firstPage !== 'false') place(feed, item);
    }
    banner(item, deleted);
    document.dispatchEvent(new CustomEvent('news-feed:change', { detail: { type: event.type, item } }));
  };
  for (const type of ['posted', 'edited', 'deleted']) source.addEventListener(type, handle);
  // Too much was missed to replay: the page reloads from the server instead.
  source.addEventListener('reload', () => window.location.reload());
}

if (feeds.length > 0 && 'EventSource' in window) connect();
