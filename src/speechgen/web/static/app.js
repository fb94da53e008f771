// speechgen 文稿助手: the page's behaviour, plain JavaScript (no library, nothing loaded from outside).
"use strict";

const state = { ledger: null, meeting: null, previous: null, sheet: null, template: null, docx_template: null, docx_template_name: "", draft: null, seed: null, pagesJob: 0, batchJob: 0 };
const $ = (id) => document.getElementById(id);
const TOKEN = document.querySelector('meta[name="speechgen-token"]').content;

class ApiError extends Error {
  constructor(body) { super(body.error ? body.error.title : "请求失败"); this.body = body; }
}

async function call(path, options = {}) {
  const init = { method: options.method || "POST", credentials: "same-origin", headers: {} };
  if (init.method !== "GET") init.headers["X-Speechgen-Token"] = TOKEN;  // the session's token (CSRF)
  if (options.json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    init.body = options.form;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError({ error: { title: "无法连接到 speechgen", message: "请确认 speechgen serve 仍在运行，然后刷新本页。", problems: [] } });
  }
  let body;
  try { body = await response.json(); } catch (error) {
    body = { ok: false, error: { title: "服务器的回答无法读取", message: `HTTP ${response.status}`, problems: [] } };
  }
  if (!response.ok || body.ok === false) throw new ApiError(body);
  return body;
}

function showMessage(title, message, problems = [], kind = "error") {
  const box = $("message");
  box.className = `message ${kind}`;
  box.replaceChildren();
  const heading = document.createElement("strong");
  heading.textContent = title;
  box.append(heading);
  if (message) { const p = document.createElement("p"); p.textContent = message; box.append(p); }
  if (problems.length) {
    const list = document.createElement("ul");
    for (const problem of problems) { const li = document.createElement("li"); li.textContent = problem.text; list.append(li); }
    box.append(list);
  }
  box.hidden = false;
}

function clearMessage() { $("message").hidden = true; }

function showError(error) {
  if (error instanceof ApiError && error.body.error) {
    const e = error.body.error;
    showMessage(e.title, e.message, e.problems || []);
  } else {
    showMessage("出错了", String(error));
  }
}

function busy(button, text) {
  const old = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => { button.disabled = false; button.textContent = old; };
}

// ── inputs ──────────────────────────────────────────────────────────────────────────────

async function upload(input) {
  const file = input.files[0];
  if (!file) return;
  const slot = input.dataset.slot;
  const form = new FormData();
  form.append("slot", slot);
  form.append("file", file);
  clearMessage();
  $(`${slot}-name`).textContent = `正在上传 ${file.name}…`;
  try {
    const stored = await call("/api/upload", { form });
    state[slot] = stored.id;
    if (slot === "ledger") state.sheet = null;
    $(`${slot}-name`).textContent = `已上传：${stored.name}`;
    if (slot === "docx_template") state.docx_template_name = stored.name;
    if (slot === "docx_template") await checkWordTemplate(stored);
    else if (slot !== "template") await computeFacts();
  } catch (error) {
    state[slot] = null;
    $(`${slot}-name`).textContent = "上传未成功";
    showError(error);
  } finally {
    input.value = "";
  }
}

async function checkWordTemplate(stored) {
  const report = await call("/api/word-template/check", { json: { template: stored.id } });
  $("word-report").textContent = report.text;
  $("word-report-summary").textContent = report.usable ? `Word 模板“${stored.name}”可以使用（点开看字段）`
    : `Word 模板“${stored.name}”有错误，不能使用（点开看原因）`;
  $("word-report-box").hidden = false;
  $("word-report-box").open = !report.usable;
  if (!report.usable) { state.docx_template = null; $("docx_template-name").textContent = "模板有错误，未使用"; }
  showBatchWordTemplate();
}

async function useExample(event) {
  const done = busy(event.target, "正在载入示例…");
  clearMessage();
  try {
    const body = await call("/api/example");
    state.ledger = body.ledger.id;
    state.meeting = body.meeting.id;
    state.sheet = null;
    $("ledger-name").textContent = `示例：${body.ledger.name}`;
    $("meeting-name").textContent = `示例：${body.meeting.name}`;
    await computeFacts();
  } catch (error) { showError(error); } finally { done(); }
}

async function saveMeetingForm(event) {
  event.preventDefault();
  clearMessage();
  const form = new FormData(event.target);
  try {
    const stored = await call("/api/meeting", { form });
    state.meeting = stored.id;
    $("meeting-name").textContent = `表单填写：${stored.name}`;
    if (state.ledger) await computeFacts();
    else showMessage("会议信息已保存", "请再上传项目台账。", [], "info");
  } catch (error) { showError(error); }
}

function fillMeetingForm(meeting, baseId) {
  const form = $("meeting-form");
  form.elements.base.value = baseId;
  for (const element of form.elements) {
    if (!element.name || element.name === "base") continue;
    const [outer, inner] = element.name.split(".");
    let value = meeting[outer];
    if (inner) value = value ? value[inner] : undefined;
    if (Array.isArray(value)) value = value.join("\n");
    element.value = value === undefined || value === null ? (element.tagName === "SELECT" ? "市" : "") : value;
  }
}

// The ledger with the worksheet chosen, the previous month's ledger (if any) and the meeting file.
function ledgerChoice() {
  const choice = { ledger: state.ledger, meeting: state.meeting };
  if (state.previous) choice.previous = state.previous;
  if (state.sheet) choice.sheet = state.sheet;
  return choice;
}

// A workbook of several sheets: offer them (the reader chooses when none is picked).
function showSheets(sheets) {
  const select = $("sheet-choice");
  $("sheet-box").hidden = sheets.length < 2;
  const auto = new Option("（自动选择）", "");
  select.replaceChildren(auto, ...sheets.map((name) => new Option(name, name)));
  select.value = state.sheet && sheets.includes(state.sheet) ? state.sheet : "";
}

async function computeFacts() {
  if (!state.ledger || !state.meeting) return;
  $("facts").hidden = false;
  $("facts-body").innerHTML = '<p class="note">正在计算…</p>';
  try {
    const body = await call("/api/facts", { json: ledgerChoice() });
    showSheets(body.sheets);
    $("facts-body").innerHTML = body.html;
    fillMeetingForm(body.meeting, state.meeting);
    $("drafting").hidden = false;
    $("batch").hidden = false;
    if (body.warnings.length) showMessage(`台账有 ${body.warnings.length} 条提示`, "数据已算出；提示写在“台账算出的数据”一节中所在的行旁。", [], "info");
  } catch (error) {
    $("drafting").hidden = true;
    $("batch").hidden = true;
    if (error instanceof ApiError && error.body.html) {
      showSheets(error.body.sheets || []);
      $("facts-body").innerHTML = error.body.html;
      showMessage(error.body.error.title, "问题列在“台账算出的数据”一节中，按行排列。");
    } else {
      $("facts-body").replaceChildren();
      showError(error);
    }
  }
}

// ── drafts and preview ──────────────────────────────────────────────────────────────────

function keepScroll() {
  const pane = $("preview-pane");
  const top = pane.scrollTop;
  return () => { pane.scrollTop = top; };
}

async function generate(seed) {
  clearMessage();
  const kind = $("kind").value;
  const body = { ...ledgerChoice(), kind, seed, frame: kind === "speech" ? $("frame").value : null };
  if (state.template) body.template = state.template;
  if (state.docx_template) body.docx_template = state.docx_template;
  const done = busy($("generate"), "正在起草…");
  try {
    const answer = await call("/api/draft", { json: body });
    state.seed = seed;
    $("seed").value = String(seed);
    show(answer);
  } catch (error) { showError(error); } finally { done(); }
}

async function rerender() {
  if (!state.draft) return;
  clearMessage();
  const done = busy($("rerender"), "正在排版…");
  $("draft-problems").replaceChildren();
  try {
    const answer = await call(`/api/drafts/${state.draft}/text`, { json: { text: $("draft-text").value } });
    show(answer, false);
  } catch (error) {
    if (error instanceof ApiError && error.body.error && error.body.error.problems.length) {
      const list = document.createElement("ul");
      list.className = "problems";
      for (const problem of error.body.error.problems) {
        const li = document.createElement("li"); li.textContent = problem.text; list.append(li);
      }
      $("draft-problems").replaceChildren(list);
    }
    showError(error);
  } finally { done(); }
}

function show(answer, replaceText = true) {
  state.draft = answer.draft;
  if (replaceText) $("draft-text").value = answer.text;
  $("text-status").textContent = "";
  $("reroll").disabled = false;
  $("rerender").disabled = false;
  $("downloads").hidden = false;
  $("download-docx").href = answer.downloads.docx;
  $("download-pdf").href = answer.downloads.pdf;
  $("download-md").href = answer.downloads.md;
  $("html-preview").src = answer.preview;
  if (answer.warnings.length) showMessage("稿件提示", "", answer.warnings.map((text) => ({ text })), "info");
  loadPages(answer);
  loadCheck(answer);
}

async function loadPages(answer) {
  const job = ++state.pagesJob;
  const restore = keepScroll();
  $("page-count").textContent = "正在排版…";
  $("pages").classList.add("stale");
  try {
    const pages = await call(answer.pages);
    if (job !== state.pagesJob) return;
    const images = pages.images.map((src, index) => {
      const figure = document.createElement("figure");
      const img = document.createElement("img");
      img.src = src; img.width = 794; img.height = 1123; img.alt = `第${index + 1}页`;
      const caption = document.createElement("figcaption");
      caption.textContent = `第 ${index + 1} 页 / 共 ${pages.count} 页`;
      figure.append(img, caption);
      return figure;
    });
    $("pages").replaceChildren(...images);
    $("page-count").textContent = `共 ${pages.count} 页`;
    restore();
  } catch (error) {
    if (job === state.pagesJob) { $("page-count").textContent = "排版未成功"; showError(error); }
  } finally {
    if (job === state.pagesJob) $("pages").classList.remove("stale");
  }
}

async function loadCheck(answer) {
  $("findings").innerHTML = '<p class="note">正在检查…</p>';
  try {
    const report = await call(answer.check);
    if (state.draft === answer.draft) $("findings").innerHTML = report.html;
  } catch (error) {
    $("findings").replaceChildren();
    showError(error);
  }
}

function fitHtmlPreview() {
  const pane = $("html-pane");
  const frame = $("html-preview");
  const scale = Math.min(1, pane.clientWidth / 820);
  frame.style.transform = `scale(${scale})`;
  frame.style.height = `${pane.clientHeight / scale}px`;
}

function switchTab(event) {
  const chosen = event.target.dataset.tab;
  for (const tab of document.querySelectorAll(".tab")) {
    tab.classList.toggle("active", tab.dataset.tab === chosen);
    tab.setAttribute("aria-selected", String(tab.dataset.tab === chosen));
  }
  for (const panel of document.querySelectorAll("[data-tab-panel]")) panel.hidden = panel.dataset.tabPanel !== chosen;
  if (chosen === "html") fitHtmlPreview();
}

// ── batch ───────────────────────────────────────────────────────────────────────────────

const SUPERVISION_KINDS = ["supervision", "sheet"];

function batchKindChanged() {
  const kind = $("batch-kind").value;
  const per = $("batch-per");
  for (const option of per.options) option.disabled = kind === "sheet" && option.value !== "project";
  if (kind === "sheet") per.value = "project";
  $("batch-feedback-box").hidden = !SUPERVISION_KINDS.includes(kind);
}

function showBatchWordTemplate() {
  $("batch-word-box").hidden = !state.docx_template;
  $("batch-word-name").textContent = state.docx_template ? `（${state.docx_template_name}）` : "";
}

async function startBatch(event) {
  event.preventDefault();
  clearMessage();
  const form = new FormData($("batch-form"));
  const number = form.get("number_from");
  const body = {
    ...ledgerChoice(), kind: form.get("kind"), per: form.get("per"),
    only: form.get("only") || null, formats: form.getAll("formats"),
    number_from: number ? parseInt(number, 10) : null, seed: Math.max(0, parseInt(form.get("seed"), 10) || 0),
    feedback_by: SUPERVISION_KINDS.includes(form.get("kind")) ? form.get("feedback_by") || null : null,
  };
  if (state.template) body.template = state.template;
  if (state.docx_template && $("batch-word").checked) body.docx_template = state.docx_template;
  const done = busy($("batch-start"), "正在生成…");
  $("batch-result").hidden = true;
  $("batch-progress").hidden = false;
  $("batch-bar").removeAttribute("value");
  $("batch-status").textContent = "正在读取台账、安排各份文稿…";
  const job = ++state.batchJob;
  try {
    const started = await call("/api/batches", { json: body });
    let status;
    for (;;) {
      status = await call(started.status, { method: "GET" });
      if (job !== state.batchJob) return;
      showBatchProgress(status);
      if (status.state === "done") break;
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    showBatchResult(status);
  } catch (error) {
    $("batch-progress").hidden = true;
    showError(error);
  } finally { done(); }
}

function showBatchProgress(status) {
  if (status.total === null || status.total === undefined) {
    $("batch-bar").removeAttribute("value");
    $("batch-status").textContent = `${status.label}：正在读取台账、安排各份文稿…`;
    return;
  }
  $("batch-bar").max = Math.max(1, status.total);
  $("batch-bar").value = status.done;
  const failed = status.failed ? `，失败 ${status.failed} 份` : "";
  const last = status.name ? `；刚完成：${status.name}` : "";
  $("batch-status").textContent = `${status.label}：已完成 ${status.done} / ${status.total} 份${failed}${last}`;
}

function cell(text, className = "") {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

const STATUS_TEXT = { ok: "已生成", failed: "失败", skipped: "跳过" };

function showBatchResult(status) {
  const summary = $("batch-summary");
  summary.replaceChildren();
  for (const line of status.summary.lines) { const li = document.createElement("li"); li.textContent = line; summary.append(li); }
  for (const line of status.summary.warnings) {
    const li = document.createElement("li"); li.textContent = line; li.className = "warning"; summary.append(li);
  }
  $("batch-zip").hidden = !status.downloads.zip;
  if (status.downloads.zip) $("batch-zip").href = status.downloads.zip;
  $("batch-manifest").href = status.downloads.manifest;
  const rows = status.rows.map((row) => {
    const tr = document.createElement("tr");
    tr.append(cell(row.number === null ? "" : String(row.number)), cell(row.name), cell(row.doc_number),
      cell(row.addressee), cell(row.files.join("、")),
      cell(row.reason ? `${STATUS_TEXT[row.status]}：${row.reason}` : STATUS_TEXT[row.status], row.status));
    return tr;
  });
  $("batch-table").tBodies[0].replaceChildren(...rows);
  $("batch-result").hidden = false;
}

async function endSession() {
  try {
    await call("/api/session/end");
    window.location.reload();
  } catch (error) {
    // a session that has ended already (the page is stale): a fresh page is what was asked for
    if (error instanceof ApiError && error.body.error && error.body.error.status === 403) window.location.reload();
    else showError(error);
  }
}

function init() {
  $("sheet-choice").addEventListener("change", (e) => { state.sheet = e.target.value || null; computeFacts(); });
  for (const id of ["ledger-file", "previous-file", "meeting-file", "template-file", "docx_template-file"]) $(id).addEventListener("change", (e) => upload(e.target));
  $("use-example").addEventListener("click", useExample);
  $("meeting-form").addEventListener("submit", saveMeetingForm);
  $("draft-form").addEventListener("submit", (event) => {
    event.preventDefault();
    generate(Math.max(0, parseInt($("seed").value, 10) || 0));
  });
  $("reroll").addEventListener("click", () => generate((state.seed ?? 0) + 1));
  $("rerender").addEventListener("click", rerender);
  $("draft-text").addEventListener("input", () => { $("text-status").textContent = "文字已修改，点“重新排版”更新预览。"; });
  $("kind").addEventListener("change", () => { $("frame-box").hidden = $("kind").value !== "speech"; });
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", switchTab);
  $("end-session").addEventListener("click", endSession);
  $("batch-form").addEventListener("submit", startBatch);
  $("batch-kind").addEventListener("change", batchKindChanged);
  batchKindChanged();
  window.addEventListener("resize", fitHtmlPreview);
}

init();
