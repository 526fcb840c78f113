// The narration player's extras: playback speed (1x to 2x) and resuming where the reader stopped.
// Without this module the native <audio controls> player works as it is.
const SPEEDS = [1, 1.25, 1.5, 1.75, 2];
const SPEED_KEY = "masthead:narration-speed";

function stored(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}

function store(key, value) {
  try {
    if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value);
  } catch { /* private mode or storage full: the player works without memory */ }
}

function enhance(section) {
  const audio = section.querySelector("audio");
  if (!audio || section.dataset.enhanced) return;
  section.dataset.enhanced = "true";
  const positionKey = "masthead:narration-position:" + audio.getAttribute("src");

  const label = document.createElement("label");
  label.className = "narration-speed";
  label.textContent = "Speed ";
  const select = document.createElement("select");
  for (const speed of SPEEDS) {
    const option = document.createElement("option");
    option.value = String(speed);
    option.textContent = speed + "\u00d7";
    select.append(option);
  }
  const savedSpeed = Number(stored(SPEED_KEY));
  select.value = SPEEDS.includes(savedSpeed) ? String(savedSpeed) : "1";
  label.append(select);
  audio.after(label);

  const applySpeed = () => { audio.playbackRate = Number(select.value); };
  select.addEventListener("change", () => { applySpeed(); store(SPEED_KEY, select.value); });
  audio.addEventListener("play", applySpeed);

  const saved = Number(stored(positionKey));
  if (saved > 0) {
    const note = document.createElement("p");
    note.className = "narration-resume";
    note.textContent = "You stopped at " + Math.floor(saved / 60) + ":" + String(Math.floor(saved % 60)).padStart(2, "0")
      + "; playing resumes there.";
    label.after(note);
    audio.addEventListener("loadedmetadata", () => {
      if (saved < audio.duration - 2) audio.currentTime = saved;
    }, { once: true });
  }
  let last = 0;
  audio.addEventListener("timeupdate", () => {
    if (Math.abs(audio.currentTime - last) >= 5) {
      last = audio.currentTime;
      store(positionKey, String(Math.floor(audio.currentTime)));
    }
  });
  audio.addEventListener("pause", () => store(positionKey, String(Math.floor(audio.currentTime))));
  audio.addEventListener("ended", () => store(positionKey, null));
}

document.querySelectorAll(".narration").forEach(enhance);
