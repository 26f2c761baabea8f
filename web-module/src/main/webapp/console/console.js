// The operator console: a page over the admin API (/smshub/admin, openapi.yaml). The credentials live in this tab's
// sessionStorage and go with every call; everything shown comes from the API and is written as text, never as HTML.
const API = new URL('../admin/', document.baseURI).pathname;
const KEY = 'smshub.console.authorization';
const $ = (selector) => document.querySelector(selector);

class Refused extends Error {
    constructor(status, text) {
        super(text || `HTTP ${status}`);
        this.status = status;
    }
}

async function call(method, path, body) {
    const headers = {Authorization: sessionStorage.getItem(KEY) || '', Accept: 'application/json'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(API + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit', cache: 'no-store'});
    const text = await response.text();
    if (!response.ok) {
        throw new Refused(response.status, text.trim());
    }
    return text && response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text;
}

function basic(user, password) {
    const bytes = new TextEncoder().encode(`${user}:${password}`);
    return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

function notice(text, error = false) {
    const line = $('#notice');
    line.textContent = text;
    line.className = error ? 'error' : 'ok';
}

function failed(error) {
    if (error instanceof Refused && error.status === 401) {
        logOut('Your session ended: log in again.');
    } else {
        notice(error.message, true);
    }
}

/** Fills a table: one header row, then a row an item; a cell is text, or a node (a button). */
function table(element, columns, items, extra) {
    element.replaceChildren();
    const head = element.createTHead().insertRow();
    for (const column of columns) {
        head.appendChild(document.createElement('th')).textContent = column;
    }
    if (extra) {
        head.appendChild(document.createElement('th'));
    }
    const body = element.createTBody();
    if (items.length === 0) {
        const cell = body.insertRow().insertCell();
        cell.colSpan = columns.length + (extra ? 1 : 0);
        cell.textContent = 'Nothing.';
        cell.className = 'empty';
    }
    for (const item of items) {
        const row = body.insertRow();
        for (const column of columns) {
            const value = item[column];
            row.insertCell().textContent = value === null || value === undefined ? '' : typeof value === 'object'
                ? JSON.stringify(value) : String(value);
        }
        if (extra) {
            row.insertCell().append(...extra(item, row));
        }
    }
}

function button(label, action, className) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (className) {
        b.className = className;
    }
    b.addEventListener('click', action);
    return b;
}

function query(form) {
    const parameters = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
        if (String(value).trim()) {
            parameters.set(name, String(value).trim());
        }
    }
    return parameters.toString();
}

// --- log-in ---

async function logIn(event) {
    event.preventDefault();
    const user = $('#username').value.trim();
    sessionStorage.setItem(KEY, basic(user, $('#password').value));
    try {
        await call('GET', 'activity');
    } catch (error) {
        sessionStorage.removeItem(KEY);
        $('#login-error').textContent = error.status === 401 ? 'Wrong user name or password.'
            : error.status === 403 ? 'Not an operator, or a disabled one.' : error.message;
        return;
    }
    sessionStorage.setItem(KEY + '.user', user);
    $('#password').value = '';
    show();
}

function logOut(why) {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY + '.user');
    $('#console').hidden = true;
    $('#logout').hidden = true;
    $('#who').hidden = true;
    $('#login-form').hidden = false;
    $('#login-error').textContent = typeof why === 'string' ? why : '';
}

function show() {
    $('#login-form').hidden = true;
    $('#login-error').textContent = '';
    $('#console').hidden = false;
    $('#logout').hidden = false;
    $('#who').hidden = false;
    $('#who').textContent = sessionStorage.getItem(KEY + '.user');
    open('messages');
}

const loaders = {
    'dead-letters': loadDeadLetters,
    providers: loadProviders,
    routing: loadRouting,
    audit: loadAudit,
    charges: () => listCharges(),
    activity: sampleActivity,
};

function open(tab) {
    for (const section of document.querySelectorAll('section.tab')) {
        section.hidden = section.id !== tab;
    }
    for (const b of document.querySelectorAll('nav button')) {
        b.classList.toggle('active', b.dataset.tab === tab);
    }
    notice('');
    loaders[tab]?.();
}

// --- messages ---

async function findMessages(event) {
    event?.preventDefault();
    try {
        const found = await call('GET', 'messages?' + query($('#message-search')));
        table($('#message-results'), ['messageId', 'tenant', 'clientReference', 'recipient', 'status', 'provider', 'account',
            'acceptedAt'], found, (m) => [button('Open', () => openMessage(m.messageId), 'open')]);
        $('#message-detail').hidden = true;
        notice(`${found.length} message${found.length === 1 ? '' : 's'}`);
    } catch (error) {
        failed(error);
    }
}

async function openMessage(id) {
    try {
        const m = await call('GET', 'messages/' + encodeURIComponent(id));
        $('#detail-id').textContent = m.messageId;
        const fields = $('#detail-fields');
        fields.replaceChildren();
        for (const name of ['status', 'tenant', 'clientReference', 'recipient', 'provider', 'account', 'providerMessageId',
            'reasonCode', 'reason', 'acceptedAt', 'updatedAt']) {
            fields.appendChild(document.createElement('dt')).textContent = name;
            const value = fields.appendChild(document.createElement('dd'));
            value.textContent = m[name] ?? '';
            value.dataset.field = name;
        }
        table($('#detail-history'), ['status', 'at', 'source', 'provider', 'rawStatus', 'code'], m.history || []);
        $('#requeue').hidden = m.status !== 'FAILED';
        $('#requeue').dataset.id = m.messageId;
        $('#message-detail').hidden = false;
    } catch (error) {
        failed(error);
    }
}

async function requeue() {
    const id = $('#requeue').dataset.id;
    try {
        const answer = await call('POST', `messages/${encodeURIComponent(id)}/requeue`);
        notice(`Message ${id} is ${answer.status} again: a new attempt is on its way.`);
        await openMessage(id);
    } catch (error) {
        failed(error);
    }
}

// --- dead letters ---

async function loadDeadLetters() {
    try {
        const letters = await call('GET', 'dead-letters');
        table($('#dead-letter-list'), ['id', 'sender', 'tenant', 'originalQueue', 'deliveries', 'length', 'text'],
            letters.map((l) => ({...l, text: l.text.length > 160 ? l.text.slice(0, 160) + '…' : l.text})),
            (l) => [button('Replay', () => deadLetter('POST', l.id, 'replay'), 'replay'),
                button('Discard', () => deadLetter('DELETE', l.id, ''), 'discard')]);
    } catch (error) {
        failed(error);
    }
}

async function deadLetter(method, id, action) {
    if (method === 'DELETE' && !confirm(`Remove dead letter ${id} for good?`)) {
        return;
    }
    try {
        await call(method, `dead-letters/${encodeURIComponent(id)}${action ? '/' + action : ''}`);
        await loadDeadLetters();
        notice(method === 'DELETE' ? `Dead letter ${id} removed.` : `Dead letter ${id} replayed: the batch was taken.`);
    } catch (error) {
        await loadDeadLetters();
        failed(error);
    }
}

// --- charges ---

async function listCharges(event) {
    event?.preventDefault();
    try {
        const charges = await call('GET', 'charges?' + query($('#charge-search')));
        table($('#charge-list'), ['id', 'tenantReference', 'kind', 'msisdn', 'amount', 'currency', 'provider', 'state',
            'reason', 'createdAt', 'reconciledBy'], charges,
            (c) => c.state === 'UNKNOWN' ? [button('Reconcile', () => startReconciling(c.id), 'reconcile')] : []);
        $('#reconcile-form').hidden = true;
    } catch (error) {
        failed(error);
    }
}

function startReconciling(id) {
    const form = $('#reconcile-form');
    form.reset();
    form.dataset.id = id;
    $('#reconcile-id').textContent = id;
    form.hidden = false;
}

async function reconcile(event) {
    event.preventDefault();
    const form = $('#reconcile-form');
    const fields = Object.fromEntries(new FormData(form));
    try {
        const charge = await call('POST', `charges/${encodeURIComponent(form.dataset.id)}/reconciliation`, {
            outcome: fields.outcome, providerTransactionId: fields.providerTransactionId || null,
            operator: fields.operator || null});
        await listCharges();
        notice(`Charge ${charge.id} reconciled: ${charge.state}.`);
    } catch (error) {
        failed(error);
    }
}

// --- providers, routing, audit ---

async function loadProviders() {
    try {
        const accounts = await call('GET', 'provider-accounts');
        table($('#account-list'), ['name', 'provider', 'enabled', 'state', 'maxPerSecond', 'maxConcurrent', 'endpointUrl'],
            accounts.map((a) => ({...a, state: 'probing…'})));
        const states = await call('GET', 'provider-accounts/health');
        table($('#account-list'), ['name', 'provider', 'enabled', 'state', 'maxPerSecond', 'maxConcurrent', 'endpointUrl'],
            accounts.map((a) => ({...a, state: states[a.name] ?? 'not probed'})));
    } catch (error) {
        failed(error);
    }
}

async function loadRouting() {
    try {
        table($('#route-list'), ['id', 'prefix', 'tenant', 'account', 'priority', 'premium'], await call('GET', 'routes'));
        table($('#rule-list'), ['id', 'tenant', 'account', 'shortCode', 'destinationSuffix', 'keyword'],
            await call('GET', 'inbound-rules'));
    } catch (error) {
        failed(error);
    }
}

async function checkOptOut(event) {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData($('#opt-out-check')));
    try {
        await call('GET', `tenants/${encodeURIComponent(fields.tenant)}/opt-outs/${encodeURIComponent(fields.number)}`);
        $('#opt-out-answer').textContent = 'Opted out.';
    } catch (error) {
        $('#opt-out-answer').textContent = error.status === 404 ? 'Not on the list.' : error.message;
    }
}

async function loadAudit() {
    try {
        table($('#audit-list'), ['at', 'operator', 'action', 'subject', 'before', 'after'], await call('GET', 'audit?limit=100'));
    } catch (error) {
        failed(error);
    }
}

// --- activity: rates from this node's counts, sampled while the tab is open ---

const samples = [];
const SERIES = [['accepted', '#1f6feb'], ['delivered', '#1a7f37'], ['failed', '#cf222e']];
let sampling;

async function sampleActivity() {
    clearTimeout(sampling);
    if ($('#activity').hidden || $('#console').hidden) {
        return;
    }
    try {
        samples.push(await call('GET', 'activity'));
        if (samples.length > 61) {
            samples.shift();
        }
        drawActivity();
    } catch (error) {
        failed(error);
    }
    sampling = setTimeout(sampleActivity, 5000);
}

function drawActivity() {
    const rates = SERIES.map(([name]) => samples.slice(1).map((s, i) =>
        Math.max(0, ((s[name] || 0) - (samples[i][name] || 0)) / Math.max(0.001, (s.at - samples[i].at) / 1000))));
    const top = Math.max(1, ...rates.flat());
    const svg = $('#activity-chart');
    svg.replaceChildren();
    const ns = 'http://www.w3.org/2000/svg';
    rates.forEach((series, k) => {
        const line = document.createElementNS(ns, 'polyline');
        line.setAttribute('fill', 'none');
        line.setAttribute('stroke', SERIES[k][1]);
        line.setAttribute('stroke-width', '2');
        line.setAttribute('points', series.map((r, i) => `${(i * 10).toFixed(0)},${(195 - r / top * 185).toFixed(1)}`).join(' '));
        line.dataset.series = SERIES[k][0];
        svg.appendChild(line);
    });
    const last = rates.map((series) => series.length ? series[series.length - 1] : 0);
    $('#activity-legend').textContent = SERIES.map(([name], k) => `${name} ${last[k].toFixed(1)}/s`).join(' · ')
        + ` (top of the chart ${top.toFixed(1)}/s)`;
}

// --- wiring ---

document.addEventListener('DOMContentLoaded', () => {
    $('#login-form').addEventListener('submit', logIn);
    $('#logout').addEventListener('click', () => logOut());
    for (const b of document.querySelectorAll('nav button')) {
        b.addEventListener('click', () => open(b.dataset.tab));
    }
    $('#message-search').addEventListener('submit', findMessages);
    $('#requeue').addEventListener('click', requeue);
    $('#reload-dead-letters').addEventListener('click', loadDeadLetters);
    $('#charge-search').addEventListener('submit', listCharges);
    $('#reconcile-form').addEventListener('submit', reconcile);
    $('#opt-out-check').addEventListener('submit', checkOptOut);
    $('#reload-audit').addEventListener('click', loadAudit);
    if (sessionStorage.getItem(KEY)) {
        show();
    }
});
