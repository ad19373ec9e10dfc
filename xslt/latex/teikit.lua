-- teikit's help for reledmac under LuaLaTeX: a line that ends with a divided word must not end a page.
-- reledmac re-boxes every line and adds its own penalties between them, so TeX's \brokenpenalty is
-- lost; teikit calls this function on each line box and adds the penalty itself.
teikit = teikit or {}

local GLYPH, DISC = node.id("glyph"), node.id("disc")
local skipped = {}
for _, name in ipairs({"glue", "penalty", "kern", "whatsit", "dir", "local_par", "boundary", "mark", "ins"}) do
  local id = node.id(name)
  if id then skipped[id] = true end
end
local hyphens = {[0x2D] = true, [0x2010] = true, [0xAD] = true}

function teikit.divided(box_number)
  local box = tex.box[box_number]
  local last = box and box.head and node.tail(box.head)
  while last and skipped[last.id] do last = last.prev end
  local divided = last and (last.id == DISC or (last.id == GLYPH and hyphens[last.char]))
  tex.setcount("global", "tkdivided", divided and tex.count["brokenpenalty"] or 0)
end
