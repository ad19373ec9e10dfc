-- teikit's help for reledmac under LuaLaTeX: the penalty after each line of the text.
-- reledmac re-boxes every line and adds only club, widow and interline penalties between them, so
-- TeX's \brokenpenalty and the no-break after a heading are lost; teikit calls teikit.line_penalty
-- on each line box and adds what is missing: a line that ends with a divided word must not end a
-- page, nor may a heading, nor the first line after one (a heading keeps two lines of its text).
teikit = teikit or {}

local GLYPH, DISC, HLIST = node.id("glyph"), node.id("disc"), node.id("hlist")
local skipped = {}
for _, name in ipairs({"glue", "penalty", "kern", "whatsit", "dir", "local_par", "boundary", "mark", "ins"}) do
  local id = node.id(name)
  if id then skipped[id] = true end
end
local hyphens = {[0x2D] = true, [0x2010] = true, [0xAD] = true}
local INFINITE = 10000
local after_heading = false

-- Whether the line belongs to a heading: its glyphs carry \tkkeepattr, which is set for whole
-- paragraphs, so the first glyph decides.
local function kept(head)
  local keep = luatexbase.attributes and luatexbase.attributes.tkkeepattr
  for n in node.traverse(head) do
    if n.id == GLYPH then return keep ~= nil and node.has_attribute(n, keep) ~= nil end
    if n.id == HLIST and n.head then
      local inner = kept(n.head)
      if inner ~= nil then return inner end
    end
  end
  return nil
end

-- The heading made by \eledsection is set outside reledmac's line box: it says so itself; a new
-- numbered text says teikit.heading(false), so that a text ending with a heading keeps nothing of it.
function teikit.heading(on)
  after_heading = on ~= false
end

function teikit.line_penalty(box_number)
  local box = tex.box[box_number]
  local penalty = 0
  if box and box.head then
    local last = node.tail(box.head)
    while last and skipped[last.id] do last = last.prev end
    if last and (last.id == DISC or (last.id == GLYPH and hyphens[last.char])) then
      penalty = tex.count["brokenpenalty"]
    end
    if kept(box.head) then
      penalty, after_heading = INFINITE, true
    elseif after_heading then
      penalty, after_heading = INFINITE, false
    end
  end
  tex.setcount("global", "tklinepenalty", penalty)
end

-- Typographic quotation marks for the straight ones of a transcription (English text only; the
-- transform decides).  A mark opens when nothing, a space or an opening bracket or dash comes
-- before it in the paragraph being built, and closes otherwise; this looks at what TeX has already
-- set, so it sees across names, emendations and other markup.  A double mark between two spaces
-- closes a quotation after a stop or an ellipsis ('at once .... " In'), opens one after a colon,
-- and otherwise stays straight (a ditto mark: '2 oz. " tea').  The transform marks each straight
-- mark with \tkdq, \tkdqs (a space follows), \tkdql (a space and a small letter follow) or \tksq
-- (a single mark before a word, not an elision).
local GLUE, HLIST, KERN, LOCAL_PAR = node.id("glue"), node.id("hlist"), node.id("kern"), node.id("local_par")
local MATH = node.id("math")
local HMODE = 134
for number, name in pairs(tex.getmodevalues and tex.getmodevalues() or {}) do
  if name == "horizontal" then HMODE = number end
end
local INDENT = 3
for number, name in pairs(node.subtypes("hlist")) do
  if name == "indent" then INDENT = number end
end
local invisible = {}
for _, name in ipairs({"penalty", "whatsit", "dir", "boundary", "mark", "ins"}) do
  local id = node.id(name)
  if id then invisible[id] = true end
end
local opening = {}
for _, c in ipairs({0x28, 0x5B, 0x7B, 0x2F, 0x3D, 0x2013, 0x2014, 0x201C, 0x2018, 0xAB}) do opening[c] = true end
local SPACE = 0x20

-- Is n white space: glue or a kern that moves (\enspace, \,); zero glue or kern (reledmac's
-- marks around a lemma, \kern0pt) is not.
local function is_space(n)
  return (n.id == GLUE and n.width ~= 0) or (n.id == KERN and n.kern ~= 0)
end

-- What precedes the current point: "start", "glyph" or "other"; whether a space comes between; and
-- the last two characters set before it (SPACE for a space between them).
local function before()
  local nest = tex.nest.top
  if math.abs(nest.mode) ~= HMODE then return "start", false end
  local n, space = nest.tail, false
  while n and n ~= nest.head do
    local id = n.id
    if is_space(n) then
      space = true
    elseif id == GLYPH then
      local p = n.prev
      while p and p ~= nest.head and invisible[p.id] do p = p.prev end
      local char2 = p and p.id == GLYPH and p.char or (p and is_space(p) and SPACE) or nil
      return "glyph", space, n.char, char2
    elseif id == HLIST and n.subtype == INDENT or id == LOCAL_PAR then
      return "start", space
    elseif id == MATH and n.subtype == 1 then
      -- a note marker set as a superscript ($^{2}$): look at what precedes it
      repeat n = n.prev until not n or n == nest.head or (n.id == MATH and n.subtype == 0)
      if not n or n == nest.head then return "start", space end
    elseif not (invisible[id] or id == KERN or id == GLUE or (id == HLIST and n.width == 0)) then
      return "other", space  -- a box with width (a zero-width one is a marker hung in the margin)
    end
    n = n.prev
  end
  return "start", space
end

local function put(codepoint)
  if codepoint == 0x22 then
    tex.sprint("\\textquotedbl{}")  -- not the character: the font's TeX ligatures would make it a closing mark
  else
    tex.sprint(-2, utf8.char(codepoint))
  end
end

-- Does a quotation end here, though a space comes before the mark: after an ellipsis ('. . .',
-- '....', '…'), '!' or '?', or after a stop unless a small letter follows ('2 oz. " tea' is a ditto).
local function ends_quotation(char, char2, lower_after)
  return char == 0x2026 or char == 0x21 or char == 0x3F
      or (char == 0x2E and (char2 == 0x2E or char2 == SPACE or not lower_after))
end

-- What each named mark became, for an apparatus lemma that repeats it.
local decided = {}

local function remember(key, codepoint)
  if key and key ~= "" then
    codepoint = decided[key] or codepoint
    decided[key] = codepoint
  end
  put(codepoint)
end

-- A straight double mark; space_after: a space follows it in the text; lower_after: then a small letter.
function teikit.dq(space_after, key, lower_after)
  local kind, space, char, char2 = before()
  local mark
  if space_after and (space or kind == "start") then
    if kind == "glyph" and char == 0x3A then
      mark = 0x201C  -- 'wrote: " ... The'
    else
      mark = kind == "glyph" and ends_quotation(char, char2, lower_after) and 0x201D or 0x22  -- else a ditto
    end
  elseif space or kind == "start" or (kind == "glyph" and opening[char] and not space_after) then
    mark = 0x201C
  else
    mark = 0x201D  -- after a word, a stop, or a dash that breaks off speech ('I was—" he said')
  end
  remember(key, mark)
end

-- A straight single mark before a word, where a quotation may open (the transform leaves out
-- elisions such as 'tis).
function teikit.sq(key)
  local kind, space, char = before()
  remember(key, (kind == "start" or space or (kind == "glyph" and opening[char])) and 0x2018 or 0x2019)
end

-- babel's bidi=basic (babel-bidi-basic.lua) reads the first node of an automatic discretionary's
-- replacement as a glyph; after a capital that kerns with the hyphen ("T-shirt") it is a kern, and
-- the run stops with "attempt to compare nil with number". Such a discretionary is given the
-- subtype of an explicit one, which babel treats as neutral, as it treats any other hyphen.
if Babel and Babel.bidi then
  local DISC_NODE, AUTOMATIC, EXPLICIT = node.id("disc"), 2, 1
  local bidi = Babel.bidi
  Babel.bidi = function(head, ...)
    for n in node.traverse_id(DISC_NODE, head) do
      if n.subtype == AUTOMATIC and not (n.replace and n.replace.id == GLYPH) then n.subtype = EXPLICIT end
    end
    return bidi(head, ...)
  end
end

-- The page builder and reledmac's paragraphed notes (the apparatus: the notes of a series on a page
-- set as one paragraph under the text). reledmac inserts each note as a box as high as its share of a
-- line: its width times the line's height over the width of the block. That undercounts a block three
-- ways: the partly filled last line of the block is never counted (up to a whole line), the factor is
-- rounded down, and it is worked out in the preamble, where \columnwidth is still the class's (345 pt,
-- not the 318 pt of a 6×9 in volume's text block: 8% short). The page builder took the pages for less
-- full than they were, and their last note line stood up to 12 pt below the text block ("Overfull
-- \vbox while \output is active"). Before the page builder takes what was added to the page, the
-- height of each such note becomes the lines it adds to its block: a block takes as many lines as the
-- widths of its notes, laid end to end, fill (less the space after the last one, which the paragraph
-- drops). The notes already on the page are counted as they are; material sent back after a page was
-- output is counted again for its new page.
local INS, GLUE_NODE = node.id("ins"), node.id("glue")
local paragraph_notes = {}  -- insertion class -> {width = of the block, line = baselineskip}

function teikit.paragraph_notes(class, width, line)
  paragraph_notes[class] = {width = width, line = line}
end

local function lines_of(spec, filled)
  if filled.width <= 0 then return 0 end
  return math.max(1, math.ceil((filled.width - filled.last_space) / spec.width - 1e-6))
end

-- Count the note boxes of one insertion into its block; set their heights when asked.
local function count_notes(ins, spec, filled, set)
  local old, new = 0, 0
  if not ins.head then return end
  for box in node.traverse_id(HLIST, ins.head) do
    local before = lines_of(spec, filled)
    local tail = box.head and node.tail(box.head)
    filled.width = filled.width + box.width
    filled.last_space = (tail and tail.id == GLUE_NODE) and tail.width or 0
    old = old + box.height + box.depth
    if set then
      box.height, box.depth = (lines_of(spec, filled) - before) * spec.line, 0
      new = new + box.height
    end
  end
  if set then ins.height = ins.height - old + new end
end

local function has_notes(head)
  for ins in node.traverse_id(INS, head) do
    if paragraph_notes[ins.subtype] then return true end
  end
  return false
end

local function count_page_notes()
  local contrib = tex.lists.contrib_head
  if not (contrib and has_notes(contrib)) then return end
  local filled = {}
  local function walk(head, set)
    for ins in node.traverse_id(INS, head) do
      local spec = paragraph_notes[ins.subtype]
      if spec then
        filled[ins.subtype] = filled[ins.subtype] or {width = 0, last_space = 0}
        count_notes(ins, spec, filled[ins.subtype], set)
      end
    end
  end
  if tex.lists.page_head then walk(tex.lists.page_head, false) end
  walk(contrib, true)
end

luatexbase.add_to_callback("buildpage_filter", count_page_notes, "teikit.paragraph_notes")

-- Notes the source marks with asterisks, anew on each of its pages (*, **, *** for its first, second
-- and third note of a page). Our pages are not the book's: the nth such note on a page of this edition
-- is marked with n asterisks. Which page a mark falls on is known when its page is shipped out: a
-- late_lua node beside the mark counts it there (\tkstarhere), the counts are written to the .aux, and
-- the next pass reads them (\tkstarmark) and marks the note and its apparatus entries with them
-- (\tkstar); until then a note keeps the source's mark. The build runs until the .aux settles.
local star_marks, star_counted, star_order = {}, {}, {}
local star_page, star_count = nil, 0

function teikit.star_mark(key, count)
  star_marks[key] = count
end

function teikit.star(key, source)
  local count = star_marks[key]
  tex.sprint(-2, count and string.rep("*", count) or source)
end

function teikit.star_here(key)
  if star_counted[key] then return end  -- a copy of the mark in an apparatus lemma
  local page = status.total_pages
  if page ~= star_page then star_page, star_count = page, 0 end
  star_count = star_count + 1
  star_counted[key] = star_count
  star_order[#star_order + 1] = key
end

function teikit.write_star_marks()
  for _, key in ipairs(star_order) do
    tex.print("\\tkauxwrite{\\string\\tkstarmark{" .. key .. "}{" .. star_counted[key] .. "}}")
  end
end
