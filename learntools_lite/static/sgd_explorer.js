// The SGD explorer's front end, for the book and for JupyterLab.
//
// It only draws. Every number it shows was computed in Python by
// sgd_trajectory and packed by sgd_payload (see that module for the bundle
// format): the book embeds a bundle holding a grid of runs, the live widget
// receives a bundle of one run for each setting the learner picks.
//
//   mountStatic(host, bundle)   the book: sliders move over the embedded grid
//   default.render({model, el}) anywidget: the kernel computes any setting

const PAD = { left: 50, right: 10, top: 24, bottom: 34 };   // CSS pixels
const FONT = "12px system-ui, sans-serif";   // 9 pt: the smallest text the book allows
const TITLE_FONT = "13px system-ui, sans-serif";
const COLOURS = ["fg", "muted", "grid", "warn", "points", "batch", "true",
  "batch-loss", "full-loss", "optimum"];

// -- decoding the bundle --------------------------------------------------------

function base64Bytes(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const RUN_HEADER_BYTES = 40;  // sgd_payload.RUN_HEADER: uint16 x 3, int8 x 2, float32 x 8

/** The bundle with its blob unpacked: data set, batches, views and runs. */
export async function decode(bundle) {
  const raw = base64Bytes(bundle.blob);
  // The live widget's one run comes uncompressed: no await between its arrival and its draw.
  const bytes = bundle.compression === "none" ? raw : await inflate(raw);
  const buffer = bytes.buffer;
  const section = ([offset, length], Type) =>
    new Type(buffer, offset, length / Type.BYTES_PER_ELEMENT);
  const d = bundle.dataset;
  const headers = new DataView(buffer, bundle.runs[0], bundle.runs[1]);
  const codes = unsplit(new Uint8Array(buffer, bundle.codes[0], bundle.codes[1]));
  const starts = [];  // where each run's codes begin
  for (let at = 0, i = 0; i < bundle.run_count; i++) {
    starts.push(at);
    at += 4 * headers.getUint16(i * RUN_HEADER_BYTES, true) - 1;
  }
  const batchCache = new Map();
  return {
    bundle,
    x: section(d.x, Float32Array),
    y: section(d.y, Float32Array),
    /** Indices of the examples in step `step`'s mini-batch (1-based step). */
    batch(batchSize, step) {
      const key = `${batchSize}:${step}`;
      if (batchCache.has(key)) return batchCache.get(key);
      const b = bundle.batches[String(batchSize)];
      let indices = [];
      if (b.kind === "mask") {
        const row = new Uint8Array(buffer, b.data[0] + (step - 1) * b.row_bytes, b.row_bytes);
        for (let i = 0; i < d.num_examples; i++) {
          if (row[i >> 3] & (1 << (i & 7))) indices.push(i);
        }
      } else {
        const starts = section(b.starts, Uint32Array);
        const Type = b.index_bytes === 2 ? Uint16Array : Uint32Array;
        const all = section(b.data, Type);
        indices = Array.from(all.subarray(starts[step - 1], starts[step]));
      }
      batchCache.set(key, indices);
      return indices;
    },
    /** Run number `index` of the bundle (grid order: optimizer, batch size, learning rate). */
    run(index) {
      const h = index * RUN_HEADER_BYTES;
      const frames = headers.getUint16(h, true);
      const ranges = [];
      for (let k = 0; k < 8; k++) ranges.push(headers.getFloat32(h + 8 + 4 * k, true));
      let at = starts[index];
      const read = (count, k, log) => {
        const out = new Float64Array(count);
        const lo = ranges[2 * k], scale = (ranges[2 * k + 1] - lo) / bundle.code_max;
        for (let i = 0, code = 0; i < count; i++) {
          code = (code + codes[at++]) & 0xffff;   // the codes are stored as differences
          const v = lo + code * scale;
          out[i] = log ? 10 ** v : v;
        }
        return out;
      };
      return {
        frames,
        divergedAt: headers.getUint16(h + 2, true) || null,
        view: bundle.views[headers.getUint16(h + 4, true)],
        decades: [headers.getInt8(h + 6), headers.getInt8(h + 7)],
        w: read(frames, 0, false),
        b: read(frames, 1, false),
        fullLoss: read(frames, 2, true),
        batchLoss: read(frames - 1, 3, true),
      };
    },
  };
}

/** uint16 values stored as all low bytes, then all high bytes. */
function unsplit(bytes) {
  const n = bytes.length / 2, out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = bytes[i] | (bytes[n + i] << 8);
  return out;
}

// -- small drawing helpers --------------------------------------------------------

/** About `count` round tick values (1, 2, 5 x 10^k apart) within [lo, hi]. */
function ticks(lo, hi, count = 4) {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

function label(v) {
  const text = Number(v.toPrecision(6)).toString();
  return text.replace("-", "\u2212");
}

const SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

/** A power of ten as 0.01 ... 100, or 10 with a superscript exponent beyond. */
function decade(k) {
  if (Math.abs(k) <= 2) return Number(`1e${k}`).toString();
  const digits = String(Math.abs(k)).split("").map((c) => SUPERSCRIPTS[Number(c)]).join("");
  return `10${k < 0 ? "\u207b" : ""}${digits}`;
}

function fixed2(v) {  // the precision of the data: 1/2047 of the run's range
  return v.toFixed(2).replace("-", "\u2212");
}

function fmt3(v) {  // like Python's format(v, ".3g"), readable
  return Number(v.toPrecision(3)).toString();
}

function themeColours(root) {
  const style = getComputedStyle(root);
  const c = {};
  for (const name of COLOURS) c[name] = style.getPropertyValue(`--sgd-${name}`).trim() || "#888";
  return c;
}

/** A panel: a canvas sized to its box at the device's pixel ratio, with scales. */
class Panel {
  constructor(canvas, title) {
    this.canvas = canvas;
    this.title = title;
    canvas.setAttribute("role", "img");
  }

  begin(colours, xLimits, yLimits, yLog = false) {
    const c = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = c.clientWidth || 300, height = c.clientHeight || 250;
    if (c.width !== Math.round(width * ratio) || c.height !== Math.round(height * ratio)) {
      c.width = Math.round(width * ratio);
      c.height = Math.round(height * ratio);
    }
    const ctx = c.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    this.ctx = ctx;
    this.box = { x: PAD.left, y: PAD.top, w: width - PAD.left - PAD.right, h: height - PAD.top - PAD.bottom };
    const f = yLog ? Math.log10 : (v) => v;
    const [y0, y1] = yLimits.map(f);
    this.sx = (v) => this.box.x + ((v - xLimits[0]) / (xLimits[1] - xLimits[0])) * this.box.w;
    this.sy = (v) => this.box.y + this.box.h - ((f(v) - y0) / (y1 - y0)) * this.box.h;
    this.xLimits = xLimits;
    this.yLimits = yLimits;
    this.colours = colours;
    ctx.font = TITLE_FONT;
    ctx.fillStyle = colours.fg;
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";
    ctx.fillText(this.title, this.box.x + this.box.w / 2, PAD.top - 7);
    return ctx;
  }

  axes(xTicks, yTicks, xName, yName, yLabel = label) {
    const { ctx, box, colours } = this;
    ctx.save();
    ctx.strokeStyle = colours.muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x, box.y, box.w, box.h);
    ctx.font = FONT;
    ctx.fillStyle = colours.muted;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const v of xTicks) {
      const px = this.sx(v);
      ctx.beginPath(); ctx.moveTo(px, box.y + box.h); ctx.lineTo(px, box.y + box.h + 3); ctx.stroke();
      ctx.fillText(label(v), px, box.y + box.h + 4);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of yTicks) {
      const py = this.sy(v);
      ctx.beginPath(); ctx.moveTo(box.x - 3, py); ctx.lineTo(box.x, py); ctx.stroke();
      ctx.fillText(yLabel(v), box.x - 5, py);
    }
    ctx.fillStyle = colours.fg;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(xName, box.x + box.w / 2, box.y + box.h + PAD.bottom - 1);
    if (yName) {
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      ctx.fillText(yName, 4, box.y + box.h / 2);
    }
    ctx.restore();
  }

  clip() {
    const { ctx, box } = this;
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.w, box.h);
    ctx.clip();
  }

  line(xs, ys, colour, width, dash = []) {
    const ctx = this.ctx;
    ctx.beginPath();
    for (let i = 0; i < xs.length; i++) {
      const px = this.sx(xs[i]), py = this.sy(ys[i]);
      if (i) ctx.lineTo(px, py); else ctx.moveTo(px, py);
    }
    ctx.setLineDash(dash);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke();
    ctx.setLineDash([]);
  }

  dots(xs, ys, colour, radius, indices = null) {
    const ctx = this.ctx;
    ctx.fillStyle = colour;
    ctx.beginPath();
    const count = indices ? indices.length : xs.length;
    for (let k = 0; k < count; k++) {
      const i = indices ? indices[k] : k;
      const px = this.sx(xs[i]), py = this.sy(ys[i]);
      ctx.moveTo(px + radius, py);
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
    }
    ctx.fill();
  }

  marker(x, y, shape, fill, stroke, size) {
    const ctx = this.ctx;
    const px = this.sx(x), py = this.sy(y), r = size / 2;
    ctx.beginPath();
    if (shape === "square") {
      ctx.rect(px - r, py - r, size, size);
    } else if (shape === "star") {
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5, rr = k % 2 ? r * 0.45 : r;
        ctx.lineTo(px + rr * Math.cos(a), py + rr * Math.sin(a));
      }
      ctx.closePath();
    } else if (shape === "cross") {
      const t = r * 0.4;
      for (const [dx, dy] of [[-r, -r + t], [-r + t, -r], [0, -t], [r - t, -r], [r, -r + t], [t, 0],
        [r, r - t], [r - t, r], [0, t], [-r + t, r], [-r, r - t], [-t, 0]]) ctx.lineTo(px + dx, py + dy);
      ctx.closePath();
    } else {
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}

// -- the explorer -------------------------------------------------------------------

function element(tag, attributes = {}, text = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

const KEY_STEPS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -5, PageUp: 5 };

/** Move a range input with the keyboard ourselves: JupyterLab's notebook
 * swallows arrow keys in outputs, so the browser's own handling never runs. */
function keyboardSteps(input) {
  input.addEventListener("keydown", (e) => {
    const min = Number(input.min), max = Number(input.max), now = Number(input.value);
    let next = null;
    if (e.key in KEY_STEPS) next = now + KEY_STEPS[e.key];
    if (e.key === "Home") next = min;
    if (e.key === "End") next = max;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    next = Math.max(min, Math.min(max, next));
    if (next !== now) {
      input.value = String(next);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
}

function nearestIndex(values, value, log) {
  const f = log ? Math.log : (v) => v;
  let best = 0;
  values.forEach((v, i) => { if (Math.abs(f(v) - f(value)) < Math.abs(f(values[best]) - f(value))) best = i; });
  return best;
}

class Explorer {
  /** `live`: null for the book; for the widget, {request(settings), examples, steps}. */
  constructor(el, live) {
    this.live = live;
    this.id = `sgd-explorer-${Math.random().toString(36).slice(2, 10)}`;
    // data-lm-suppress-shortcuts: JupyterLab's keyboard shortcuts (Enter,
    // arrows, "a", "b" ...) stay out of the explorer's inputs.
    this.root = element("div", { class: "sgd-explorer", "data-drawn": "0",
      "data-lm-suppress-shortcuts": "true" });
    this.root.id = this.id;
    el.appendChild(this.root);
    this.images = new Map();
    this.pending = false;
    this.timer = null;
    this.build();
  }

  build() {
    const r = this.root, id = this.id;
    const controls = element("div", { class: "sgd-controls" });
    const row = (name, text, input, readout) => {
      input.id = `${id}-${name}`;
      controls.append(element("label", { for: input.id }, text), input, readout);
      return input;
    };
    const readout = (name) => {
      if (!this.live) return element("output", { for: `${id}-${name}`, "aria-live": "polite" });
      return element("input", { type: "number", "aria-label": `${name.replace("_", " ")} (type a value)`,
        min: name === "learning_rate" ? "0" : "1", step: "any" });
    };
    this.lrReadout = readout("learning_rate");
    this.lr = row("learning_rate", "learning rate", element("input", { type: "range", min: "0", step: "1" }), this.lrReadout);
    this.bsReadout = readout("batch_size");
    this.bs = row("batch_size", "batch size", element("input", { type: "range", min: "0", step: "1" }), this.bsReadout);
    this.optimizer = row("optimizer", "optimizer", element("select"), element("span"));
    if (this.live) {
      this.examples = row("num_examples", "examples", element("input", { type: "number", min: "2", step: "1" }), element("span"));
      this.steps = row("steps", "steps", element("input", { type: "number", min: "1", step: "1" }), element("span"));
    }
    const player = element("div", { class: "sgd-player" });
    this.play = element("button", { type: "button" }, "\u25B6 play");
    this.step = element("input", { type: "range", min: "0", step: "1", id: `${id}-step` });
    player.append(this.play, element("label", { for: this.step.id }, "step"), this.step);
    controls.append(player);
    this.message = element("div", { class: "sgd-message", role: "status" });
    const panels = element("div", { class: "sgd-panels" });
    this.panels = ["data and fitted line", "loss (mean squared error)", "path of (w, b) over the loss"]
      .map((title) => { const c = element("canvas", { "aria-label": title }); panels.append(c); return new Panel(c, title); });
    const legend = element("div", { class: "sgd-legend" });
    for (const [name, colour] of [["examples", "points"], ["mini-batch of this step", "batch"], ["fitted line", "fg"],
      ["true line and true (w, b)", "true"], ["mini-batch loss", "batch-loss"], ["full-data loss", "full-loss"],
      ["least-squares optimum", "optimum"]]) {
      const s = element("span", {}, name);
      s.style.setProperty("--swatch", `var(--sgd-${colour})`);
      legend.append(s);
    }
    this.caption = element("div", { class: "sgd-caption" });
    r.append(controls, this.message, panels, legend, this.caption);

    this.lr.addEventListener("input", (e) => this.changed("learning_rate", e));
    this.bs.addEventListener("input", (e) => this.changed("batch_size", e));
    this.optimizer.addEventListener("change", (e) => this.changed("optimizer", e));
    if (this.live) {
      for (const [input, name] of [[this.lrReadout, "learning_rate"], [this.bsReadout, "batch_size"],
        [this.examples, "num_examples"], [this.steps, "steps"]]) {
        // Enter or leaving the box commits a value (once: both may happen).
        const commit = (e) => {
          if (input.value === input.dataset.committed) return;
          input.dataset.committed = input.value;
          this.typed(name, input, e);
        };
        input.addEventListener("change", commit);
        input.addEventListener("keydown", (e) => { if (e.key === "Enter") commit(e); });
      }
    }
    for (const slider of [this.lr, this.bs, this.step]) keyboardSteps(slider);
    this.step.addEventListener("input", (e) => {
      this.markInput(e);
      this.stop();
      this.show(Number(this.step.value));
    });
    this.play.addEventListener("click", () => this.toggle());
    new ResizeObserver(() => this.schedule()).observe(panels);
    const theme = new MutationObserver(() => { this.colours = null; this.schedule(); });
    for (const node of [document.documentElement, document.body]) {
      theme.observe(node, { attributes: true, attributeFilter: ["class", "data-theme", "data-jp-theme-light", "data-jp-theme-name"] });
    }
  }

  /** A new bundle: the grid (book) or the run the kernel just computed (widget). */
  async load(bundle) {
    const data = await decode(bundle);
    this.data = data;
    // While a slider is dragged, answers to older requests are drawn but
    // must not move the controls back.
    if (!this.live || this.lastRequest === undefined || bundle.request_id === this.lastRequest) {
      this.errorText = "";
      this.settings = { ...bundle.initial };
      this.options(bundle, this.settings);
    }
    await this.select(this.live ? 0 : this.gridIndex());
  }

  options(b, s) {
    const slider = b.slider;
    this.lrValues = slider.learning_rates;
    this.bsValues = slider.batch_sizes;
    this.lr.max = String(this.lrValues.length - 1);
    this.bs.max = String(this.bsValues.length - 1);
    this.lr.value = String(nearestIndex(this.lrValues, s.learning_rate, true));
    this.bs.value = String(nearestIndex(this.bsValues, s.batch_size, true));
    const opts = slider.optimizers;
    if (this.optimizer.options.length !== opts.length) {
      this.optimizer.replaceChildren(...opts.map((o) => element("option", { value: o }, o)));
    }
    this.optimizer.value = s.optimizer;
    this.readouts(s);
    if (this.live) {
      this.examples.value = this.examples.dataset.committed = String(b.dataset.num_examples);
      this.steps.value = this.steps.dataset.committed = String(b.dataset.steps);
    }
  }

  readouts(s) {
    if (this.live) {
      this.lrReadout.value = this.lrReadout.dataset.committed = String(s.learning_rate);
      this.bsReadout.value = this.bsReadout.dataset.committed = String(s.batch_size);
    } else {
      this.lrReadout.textContent = String(s.learning_rate);
      this.bsReadout.textContent = String(s.batch_size);
    }
    this.lr.setAttribute("aria-valuetext", String(s.learning_rate));
    this.bs.setAttribute("aria-valuetext", String(s.batch_size));
  }

  gridIndex() {
    const b = this.data.bundle, s = this.settings;
    const o = b.optimizers.indexOf(s.optimizer);
    const j = b.batch_sizes.indexOf(s.batch_size);
    const i = b.learning_rates.indexOf(s.learning_rate);
    return (o * b.batch_sizes.length + j) * b.learning_rates.length + i;
  }

  /** A slider or the optimizer menu moved: exact grid values only. */
  changed(name, event) {
    this.markInput(event);
    const s = { ...this.settings };
    if (name === "learning_rate") s.learning_rate = this.lrValues[Number(this.lr.value)];
    if (name === "batch_size") s.batch_size = this.bsValues[Number(this.bs.value)];
    if (name === "optimizer") s.optimizer = this.optimizer.value;
    this.request(s);
  }

  /** A value typed into a live number box: taken exactly as typed. */
  typed(name, input, event) {
    this.markInput(event);
    const value = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(value)) {
      this.error(`${name} must be a number; got "${input.value}".`);
      return;
    }
    const s = { ...this.settings, [name]: value };
    this.request(s);
  }

  /** Remember when the learner acted, so `draw` can record how long the
   * explorer took to answer (read by the browser tests and benchmarks). */
  markInput(event) {
    this.inputAt = event.timeStamp;
  }

  request(s) {
    this.settings = s;
    this.readouts(s);
    if (this.live) {
      this.lastRequest = this.live.request({ ...s, num_examples: Number(this.examples.value),
        steps: Number(this.steps.value) });
    } else {
      this.select(this.gridIndex());
    }
  }

  /** The widget's kernel could not run the request: say why, keep the last run. */
  error(text) {
    this.errorText = text;
    this.message.textContent = text;
  }

  async select(index) {
    const run = this.data.run(index);
    const src = run.view.image;
    if (!this.images.has(src)) {
      const img = new Image();
      img.src = src;
      this.images.set(src, img);
      await img.decode().catch(() => {});
    }
    this.run = run;
    this.stop();
    this.step.max = String(run.frames - 1);
    this.show(run.frames - 1);
  }

  show(i) {
    this.frame = Math.max(0, Math.min(i, this.run.frames - 1));
    this.step.value = String(this.frame);
    this.schedule();
  }

  toggle() {
    if (this.timer !== null) { this.stop(); return; }
    let i = this.frame >= this.run.frames - 1 ? 0 : this.frame;
    this.show(i);
    this.play.textContent = "\u275A\u275A pause";
    this.timer = setInterval(() => {
      i += 1;
      if (i < this.run.frames) this.show(i); else this.stop();
    }, this.data.bundle.interval);
  }

  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.play.textContent = "\u25B6 play";
  }

  schedule() {
    if (this.pending || !this.run) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const began = performance.now();
    const colours = this.colours || (this.colours = themeColours(this.root));
    const d = this.data, ds = d.bundle.dataset, run = this.run, i = this.frame;
    const bs = this.live ? d.bundle.batch_sizes[0] : this.settings.batch_size;
    const batch = i ? d.batch(bs, i) : [];
    const [pData, pLoss, pPath] = this.panels;

    // 1. the data, this step's mini-batch and the fitted line
    pData.begin(colours, ds.x_limits, ds.y_limits);
    pData.axes(ticks(...ds.x_limits), ticks(...ds.y_limits), "x", "y");
    pData.clip();
    pData.dots(d.x, d.y, colours.points, 1.6);
    const xs = ds.x_limits;
    pData.line(xs, xs.map((v) => ds.true_w * v + ds.true_b), colours.true, 1.3, [5, 3]);
    pData.dots(d.x, d.y, colours.batch, 2.4, batch);
    pData.line(xs, xs.map((v) => run.w[i] * v + run.b[i]), colours.fg, 2);
    pData.ctx.restore();

    // 2. the losses so far, on a log axis of whole decades
    const [lo, hi] = run.decades;
    pLoss.begin(colours, [0, ds.steps], [10 ** lo, 10 ** hi], true);
    const every = Math.ceil((hi - lo + 1) / 6);
    const decades = [];
    for (let k = lo; k <= hi; k += every) decades.push(10 ** k);
    pLoss.axes(ticks(0, ds.steps), decades, "step", "", (v) => decade(Math.round(Math.log10(v))));
    pLoss.clip();
    const steps = Array.from({ length: i + 1 }, (_, k) => k);
    pLoss.line(steps.slice(1), run.batchLoss.subarray(0, i), colours["batch-loss"], 1);
    pLoss.line(steps, run.fullLoss.subarray(0, i + 1), colours["full-loss"], 2);
    pLoss.marker(i, run.fullLoss[i], "circle", colours["full-loss"], colours["full-loss"], 6);
    pLoss.ctx.restore();

    // 3. the path of (w, b) over the loss surface
    const v = run.view;
    const ctx = pPath.begin(colours, v.w, v.b);
    const img = this.images.get(v.image);
    if (img && img.complete) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, pPath.box.x, pPath.box.y, pPath.box.w, pPath.box.h);
    }
    pPath.axes(ticks(...v.w), ticks(...v.b), "w", "b");
    pPath.clip();
    pPath.line(run.w.subarray(0, i + 1), run.b.subarray(0, i + 1), "#fff", 1);
    pPath.dots(run.w.subarray(0, i + 1), run.b.subarray(0, i + 1), "#fff", 1.6);
    pPath.marker(ds.start[0], ds.start[1], "square", "#fff", "#000", 8);
    pPath.marker(ds.true_w, ds.true_b, "cross", colours.true, "#000", 11);
    pPath.marker(ds.optimum[0], ds.optimum[1], "star", colours.optimum, "#000", 13);
    pPath.marker(run.w[i], run.b[i], "circle", colours.batch, "#fff", 9);
    ctx.restore();

    const s = this.live ? d.bundle.initial : this.settings;
    const text = `${s.optimizer}, learning rate ${s.learning_rate}, batches of ${s.batch_size} from ` +
      `${ds.num_examples} examples. Step ${i} of ${ds.steps}: w = ${fixed2(run.w[i])}, ` +
      `b = ${fixed2(run.b[i])}, full-data loss ${fmt3(run.fullLoss[i])}`;
    this.caption.textContent = text;
    this.panels[0].canvas.setAttribute("aria-label", text);
    this.message.textContent = this.errorText ||
      (run.divergedAt ? `${d.bundle.diverged_message.replace("{step}", run.divergedAt)}.` : "");
    this.root.dataset.step = String(i);
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn) + 1);
    this.root.drawnAt = performance.now();
    this.root.drawTook = this.root.drawnAt - began;
    if (this.inputAt !== undefined) {
      this.root.inputToDraw = this.root.drawnAt - this.inputAt;
      this.inputAt = undefined;
    }
  }
}

/** The book: draw the explorer for an embedded grid bundle into `host`. */
export async function mountStatic(host, bundle) {
  const explorer = new Explorer(host, null);
  await explorer.load(bundle);
  host.dataset.ready = "true";
  return explorer;
}

/** JupyterLab (anywidget): the kernel sends `bundle`; the explorer sends `request`. */
export default {
  render({ model, el }) {
    let id = 0;
    const explorer = new Explorer(el, {
      request(settings) {
        model.set("request", { ...settings, id: ++id });
        model.save_changes();
        return id;
      },
    });
    const load = () => explorer.load(model.get("bundle")).then(() => { el.dataset.ready = "true"; });
    model.on("change:bundle", load);
    model.on("change:error", () => explorer.error(model.get("error")));
    load();
    return () => { explorer.stop(); model.off("change:bundle", load); };
  },
};
