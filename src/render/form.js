(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('form-data').textContent);
  var base = data.base;
  var messages = data.messages;
  function say(key, values) {
    return messages[key].replace(/\{(\w+)\}/g, function (all, name) { return String(values[name]); });
  }
  var sets = Array.prototype.slice.call(document.querySelectorAll('fieldset.indicator'));
  var byId = Object.create(null);
  sets.forEach(function (set, index) {
    byId[set.getAttribute('data-id')] = set;
    set.setAttribute('data-index', String(index));
  });
  var total = sets.length;
  var count = document.getElementById('count');
  var bar = document.getElementById('progress');
  var status = document.getElementById('save-status');
  var saveButton = document.getElementById('save');
  var raterField = document.getElementById('rater-name');
  var relationField = document.getElementById('relation');
  var subjectField = document.getElementById('subject');
  var round = JSON.stringify(base.from || null);
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }

  function now() {
    return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  }

  function checkedValue(set) {
    var input = set.querySelector('input[type=radio]:checked');
    return input ? input.value : null;
  }

  function fromPage() {
    var state = { round: round, ratings: {}, notes: {}, started_at: null, completed_at: null };
    sets.forEach(function (set) {
      var id = set.getAttribute('data-id');
      var value = checkedValue(set);
      if (value !== null) { state.ratings[id] = value; }
      var note = set.querySelector('textarea').value;
      if (note) { state.notes[id] = note; }
    });
    return state;
  }

  function stored() {
    if (!store) { return null; }
    try {
      var text = store.getItem(data.key);
      var state = text ? JSON.parse(text) : null;
      // Answers kept for this page's round only: a second round's page (made with --from)
      // starts from last round's file, not from what the browser kept of the first round.
      return state && typeof state === 'object' && state.ratings && state.notes &&
        state.round === round ? state : null;
    } catch (e) {
      return null;
    }
  }

  function show(state) {
    sets.forEach(function (set) {
      var id = set.getAttribute('data-id');
      var value = Object.prototype.hasOwnProperty.call(state.ratings, id) ? state.ratings[id] : null;
      set.querySelectorAll('input[type=radio]').forEach(function (input) {
        input.checked = input.value === value;
      });
      if (checkedValue(set) === null) { delete state.ratings[id]; }
      set.querySelector('textarea').value = state.notes[id] || '';
      set.classList.toggle('answered', checkedValue(set) !== null);
    });
    if (typeof state.rater === 'string') { raterField.value = state.rater; }
    if (typeof state.relation === 'string') { relationField.value = state.relation; }
    if (subjectField && typeof state.subject === 'string') { subjectField.value = state.subject; }
  }

  var state = stored();
  if (state) {
    show(state);
  } else {
    state = fromPage();
    sets.forEach(function (set) {
      set.classList.toggle('answered', checkedValue(set) !== null);
    });
  }

  function answered() {
    var n = 0;
    for (var id in state.ratings) { if (byId[id]) { n += 1; } }
    return n;
  }

  var kept = true;
  function keep() {
    if (!store) { return; }
    try {
      store.setItem(data.key, JSON.stringify(state));
      kept = true;
    } catch (e) {
      if (kept) { status.textContent = say('form.js.cannot_keep', {}); }
      kept = false;
    }
  }

  function progress() {
    var n = answered();
    count.textContent = say('form.answered', { n: n, total: total });
    bar.classList.toggle('complete', n === total);
    return n;
  }

  function changed() {
    if (!state.started_at) { state.started_at = now(); }
    var n = progress();
    if (n === total && !state.completed_at) { state.completed_at = now(); }
    if (n < total) { state.completed_at = null; }
    keep();
  }

  function rate(set, value) {
    state.ratings[set.getAttribute('data-id')] = value;
    set.classList.add('answered');
    changed();
  }

  progress();

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.type === 'radio') {
      var set = target.closest('fieldset.indicator');
      if (set) { rate(set, target.value); }
    } else if (target === relationField) {
      state.relation = relationField.value;
      keep();
    }
  });

  var pending = null;
  document.addEventListener('input', function (event) {
    var target = event.target;
    if (target.tagName === 'TEXTAREA') {
      var id = target.closest('fieldset.indicator').getAttribute('data-id');
      if (target.value) { state.notes[id] = target.value; } else { delete state.notes[id]; }
    } else if (target === raterField) {
      state.rater = raterField.value;
    } else if (subjectField && target === subjectField) {
      state.subject = subjectField.value;
    } else {
      return;
    }
    if (!state.started_at) { state.started_at = now(); }
    clearTimeout(pending);
    pending = setTimeout(keep, 250);
  });
  window.addEventListener('pagehide', keep);

  function focusSet(set) {
    var input = set.querySelector('input[type=radio]:checked') || set.querySelector('input[type=radio]');
    input.focus();
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (!target || target.type !== 'radio') { return; }
    var set = target.closest('fieldset.indicator');
    if (!set) { return; }
    var key = event.key;
    var input = null;
    if (key === 'n' || key === 'N') {
      input = set.querySelector('input[value=na]');
    } else if (/^[0-9]$/.test(key)) {
      input = set.querySelector('input[type=radio][value="' + key + '"]') ||
        (key === '0' ? set.querySelector('input[value=na]') : null);
    }
    if (!input) { return; }
    event.preventDefault();
    input.checked = true;
    rate(set, input.value);
    var next = sets[Number(set.getAttribute('data-index')) + 1];
    if (next) { focusSet(next); } else { saveButton.focus(); }
  });

  function fileName(subject, rater) {
    return (subject + '-by-' + rater).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-') + '.json';
  }

  saveButton.addEventListener('click', function () {
    // Characters that show as nothing would make one name look like another's: rungs refuses
    // them in names, so the page leaves them out.
    var invisible = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0]/g;
    var rater = raterField.value.replace(invisible, '').trim();
    var relation = relationField.value;
    var subject = subjectField ? subjectField.value.replace(invisible, '').trim() : (base.subject || '');
    var problems = [];
    if (!relation) { problems.push(say('form.js.choose_relation', {})); }
    if (!rater) { problems.push(say('form.js.type_name', {})); }
    if (!subject && relation === 'self') { subject = rater; }
    if (!subject) { problems.push(say('form.js.type_subject', {})); }
    if (problems.length) {
      status.textContent = say('form.js.not_saved', { problems: problems.join('; ') });
      return;
    }
    var n = answered();
    if (n === total && !state.completed_at) { state.completed_at = now(); }
    var out = { format: base.format, framework: base.framework, subject: subject };
    if (base.track) { out.track = base.track; }
    out.rater = { name: rater, relation: relation };
    if (base.lang) { out.lang = base.lang; }
    if (base.form_token) { out.form_token = base.form_token; }
    out.started_at = state.started_at || now();
    out.completed_at = n === total ? state.completed_at : null;
    out.ratings = {};
    var notes = {};
    var anyNote = false;
    sets.forEach(function (set) {
      var id = set.getAttribute('data-id');
      var value = state.ratings[id];
      var note = (state.notes[id] || '').trim();
      if (value) {
        var rating = { value: value === 'na' ? 'na' : Number(value) };
        if (note) { rating.note = note; }
        out.ratings[id] = rating;
      } else if (note) {
        notes[id] = note;
        anyNote = true;
      }
    });
    if (anyNote) { out.notes = notes; }
    if (base.target) { out.target = base.target; }
    if (base.from) { out.from = base.from; }
    keep();
    var name = fileName(subject, rater);
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(out, null, 2) + '\n'], { type: 'application/json' }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    if (n === total) {
      status.textContent = say('form.js.saved', { name: name, n: n, total: total });
      return;
    }
    // Saved with answers missing: the first unanswered indicator gets the focus, and the
    // status says how many are left.
    status.textContent = say('form.js.saved_partial', { name: name, n: n, total: total, left: total - n });
    var first = null;
    for (var i = 0; i < sets.length && !first; i += 1) {
      if (!state.ratings[sets[i].getAttribute('data-id')]) { first = sets[i]; }
    }
    if (first) {
      focusSet(first);
      first.scrollIntoView({ block: 'center' });
    }
  });
})();
