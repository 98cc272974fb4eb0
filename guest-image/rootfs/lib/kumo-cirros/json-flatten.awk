# Flattens a JSON document into "path<TAB>value" lines, one per scalar: object keys are joined
# with ".", array elements get their index ("public_keys.mykey", "keys.0.data"). Strings are
# unescaped; \n, \r, \t become spaces so every value stays on one line. busybox awk has no JSON
# parser and the guest has no python: this is enough for meta_data.json.
{ doc = doc $0 "\n" }
END { pos = 1; len = length(doc); value("") }

function skip_ws() { while (pos <= len && index(" \t\r\n", substr(doc, pos, 1))) pos++ }
function child(path, key) { return path == "" ? key : path "." key }

function value(path,    c) {
	skip_ws()
	c = substr(doc, pos, 1)
	if (c == "{") object(path)
	else if (c == "[") array(path)
	else if (c == "\"") emit(path, string())
	else emit(path, bare())
}

function object(path,    key, c) {
	pos++; skip_ws()
	if (substr(doc, pos, 1) == "}") { pos++; return }
	while (pos <= len) {
		skip_ws(); key = string(); skip_ws(); pos++   # the ":"
		value(child(path, key))
		skip_ws(); c = substr(doc, pos, 1); pos++
		if (c != ",") return
	}
}

function array(path,    i, c) {
	pos++; skip_ws()
	if (substr(doc, pos, 1) == "]") { pos++; return }
	for (i = 0; pos <= len; i++) {
		value(child(path, i))
		skip_ws(); c = substr(doc, pos, 1); pos++
		if (c != ",") return
	}
}

function string(    out, c, e) {
	out = ""; pos++   # the opening quote
	while (pos <= len) {
		c = substr(doc, pos, 1); pos++
		if (c == "\"") return out
		if (c != "\\") { out = out c; continue }
		e = substr(doc, pos, 1); pos++
		if (e == "u") { out = out unicode(substr(doc, pos, 4)); pos += 4 }
		else if (index("nrtbf", e)) out = out " "
		else out = out e
	}
	return out
}

# ASCII code points become their character; anything else a "?" (hostnames and keys are ASCII).
function unicode(hex,    n, i) {
	n = 0
	for (i = 1; i <= 4; i++) n = n * 16 + index("0123456789abcdef", tolower(substr(hex, i, 1))) - 1
	return (n >= 32 && n < 127) ? sprintf("%c", n) : "?"
}

function bare(    start) {
	start = pos
	while (pos <= len && !index(",}] \t\r\n", substr(doc, pos, 1))) pos++
	return substr(doc, start, pos - start)
}

function emit(path, v) { printf "%s\t%s\n", path, v }
