#!/usr/bin/python3
"""Summarise one tempest (stestr) run from its subunit v2 stream.

usage: summarize.py RESULTS.subunit SELECTED_TESTS.txt OUT_DIR

Writes to OUT_DIR:
  summary.txt        counts, per-class table, failing test ids with a one-line reason
  failing-tests.txt  one failing test id per line (class-level failures expanded)
  skipped-tests.txt  "test id | reason" per line
  passed-tests.txt   one passing test id per line
  counts.env         PASSED=.. FAILED=.. SKIPPED=.. NOT_RUN=.. SELECTED=.. (for the shell)
  junit.xml          one <testcase> per selected test, for CI test reports

A failure or skip raised in setUpClass is reported by tempest once, as
"setUpClass (module.Class)"; its tests never run. They are expanded here to every
selected test of that class so that the counts add up to the number selected.
"""
import collections
import re
import sys
from xml.sax import saxutils

import subunit
import testtools

CLASS_LEVEL = re.compile(r'^(setUpClass|tearDownClass) \((?P<cls>[^)]+)\)$')
ID_SUFFIX = re.compile(r'\[.*\]$')


def strip_id(test_id):
    return ID_SUFFIX.sub('', test_id)


def class_of(test_id):
    return strip_id(test_id).rsplit('.', 1)[0]


def short_reason(details, status):
    if status == 'skip':
        reason = details.get('reason')
        return reason.as_text().strip() if reason is not None else ''
    tb = details.get('traceback')
    if tb is None:
        return ''
    lines = [ln.strip() for ln in tb.as_text().splitlines() if ln.strip()]
    return lines[-1][:300] if lines else ''


def read_stream(path):
    results = {}

    def on_test(test):
        status = test['status']
        if status in ('exists', 'inprogress', None):
            return
        ts = [t for t in (test.get('timestamps') or []) if t is not None]
        secs = (ts[-1] - ts[0]).total_seconds() if len(ts) == 2 else 0.0
        results[test['id']] = (status, short_reason(test['details'], status),
                               secs)

    with open(path, 'rb') as f:
        case = subunit.ByteStreamToStreamResult(f, non_subunit_name='stdout')
        sink = testtools.StreamToDict(on_test)
        sink.startTestRun()
        try:
            case.run(sink)
        finally:
            sink.stopTestRun()
    return results


def main(stream_path, selected_path, out_dir):
    with open(selected_path) as f:
        selected = [ln.strip() for ln in f if ln.startswith('tempest.')]
    by_class = collections.OrderedDict()
    for tid in selected:
        by_class.setdefault(class_of(tid), []).append(tid)

    raw = read_stream(stream_path)
    final = {}      # selected test id -> (status, reason)
    class_errors = []
    secs = {}
    for tid, (status, reason, took) in raw.items():
        m = CLASS_LEVEL.match(tid)
        if m:
            class_errors.append((tid, m.group('cls'), status, reason))
        else:
            final[tid] = (status, reason)
            secs[tid] = took
    # setUpClass problems: every selected test of the class without its own result
    for tid, cls, status, reason in class_errors:
        if status in ('fail', 'skip'):
            for t in by_class.get(cls, []):
                if t not in final:
                    label = 'setUpClass: ' if status == 'fail' else ''
                    final[t] = (status, label + reason)
    # tearDownClass failures after passing tests are listed separately
    norm = {'success': 'passed', 'xfail': 'passed', 'fail': 'failed',
            'uxsuccess': 'failed', 'skip': 'skipped'}
    buckets = collections.defaultdict(list)
    for tid in selected:
        status, reason = final.get(tid, ('not-run', ''))
        buckets[norm.get(status, 'not_run')].append((tid, reason))
    extra = sorted(t for t in final if t not in set(selected))

    counts = {k: len(buckets[k]) for k in ('passed', 'failed', 'skipped',
                                          'not_run')}
    lines = []
    lines.append('tempest identity v3 run summary')
    lines.append('selected: %d  passed: %d  failed: %d  skipped: %d  '
                 'not run: %d' % (len(selected), counts['passed'],
                                  counts['failed'], counts['skipped'],
                                  counts['not_run']))
    teardown = [(t, r) for t, c, s, r in class_errors
                if t.startswith('tearDownClass') and s == 'fail']
    if teardown:
        lines.append('tearDownClass failures (cleanup errors, not counted '
                     'above): %d' % len(teardown))
    lines.append('')
    lines.append('%-78s %5s %5s %5s %5s' % ('class', 'pass', 'fail', 'skip',
                                           'n/r'))
    for cls, tids in by_class.items():
        c = collections.Counter(
            norm.get(final.get(t, ('not-run',))[0], 'not_run') for t in tids)
        lines.append('%-78s %5d %5d %5d %5d' % (
            cls.replace('tempest.api.identity.', ''), c['passed'],
            c['failed'], c['skipped'], c['not_run']))
    lines.append('')
    lines.append('FAILING TESTS (%d):' % counts['failed'])
    for tid, reason in buckets['failed']:
        lines.append('%s\n    -> %s' % (tid, reason or '(no traceback)'))
    if teardown:
        lines.append('')
        lines.append('TEARDOWNCLASS FAILURES:')
        for tid, reason in teardown:
            lines.append('%s\n    -> %s' % (tid, reason))
    if buckets['not_run']:
        lines.append('')
        lines.append('SELECTED BUT NOT RUN (%d):' % counts['not_run'])
        lines.extend(t for t, _ in buckets['not_run'])
    if extra:
        lines.append('')
        lines.append('RESULTS FOR UNSELECTED IDS (%d):' % len(extra))
        lines.extend(extra)
    lines.append('')
    lines.append('SKIPPED (%d):' % counts['skipped'])
    for tid, reason in buckets['skipped']:
        lines.append('%s | %s' % (tid, reason))

    with open(out_dir + '/summary.txt', 'w') as f:
        f.write('\n'.join(lines) + '\n')
    with open(out_dir + '/failing-tests.txt', 'w') as f:
        f.writelines(t + '\n' for t, _ in buckets['failed'])
    with open(out_dir + '/passed-tests.txt', 'w') as f:
        f.writelines(t + '\n' for t, _ in buckets['passed'])
    with open(out_dir + '/skipped-tests.txt', 'w') as f:
        f.writelines('%s | %s\n' % (t, r) for t, r in buckets['skipped'])
    write_junit(out_dir + '/junit.xml', selected, final, secs, norm, counts)
    with open(out_dir + '/counts.env', 'w') as f:
        f.write('SELECTED=%d\nPASSED=%d\nFAILED=%d\nSKIPPED=%d\nNOT_RUN=%d\n'
                % (len(selected), counts['passed'], counts['failed'],
                   counts['skipped'], counts['not_run']))
    return 0


def write_junit(path, selected, final, secs, norm, counts):
    q = saxutils.quoteattr
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<testsuite name="tempest-identity-v3" tests="%d" failures="%d" '
           'errors="0" skipped="%d">' % (len(selected), counts['failed'],
                                         counts['skipped'] + counts['not_run'])]
    for tid in selected:
        status, reason = final.get(tid, ('not-run', 'not run'))
        name = strip_id(tid)
        cls, meth = name.rsplit('.', 1)
        out.append('  <testcase classname=%s name=%s time="%.3f">' % (
            q(cls), q(meth), secs.get(tid, 0.0)))
        kind = norm.get(status, 'not_run')
        if kind == 'failed':
            out.append('    <failure message=%s/>' % q(reason or 'failed'))
        elif kind in ('skipped', 'not_run'):
            out.append('    <skipped message=%s/>' % q(reason or kind))
        out.append('  </testcase>')
    out.append('</testsuite>')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
