-- A real client: Neovim attaches `assess lsp` to the file it was started on, then records what
-- the server sends — diagnostics, a hover, the formatted text — as JSON in $ASSESS_OUT and quits.
-- Works with Neovim 0.7 (Debian's) and later. Started by neovim.test.ts:
--   ASSESS_CMD='["node", ".../assess.js", "lsp"]' ASSESS_OUT=out.json ASSESS_HOVER='{"line":1,"character":2}' \
--     nvim --headless -n -i NONE -u attach.lua scheme.assess
local out = {}

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.ASSESS_OUT)
  vim.cmd('qa!')
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'assess'
  local id = vim.lsp.start_client({
    name = 'assess',
    cmd = vim.fn.json_decode(vim.env.ASSESS_CMD),
    root_dir = vim.fn.getcwd(),
    init_options = { language = vim.env.ASSESS_LANGUAGE },
  })
  vim.lsp.buf_attach_client(buf, id)

  -- Diagnostics arrive by themselves once the server has checked the file.
  vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { line = d.lnum, col = d.col, message = d.message, code = d.code, severity = d.severity })
  end

  local at = vim.fn.json_decode(vim.env.ASSESS_HOVER)
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = at }, 10000) or {}
  for _, reply in pairs(replies) do
    if reply.result then out.hover = reply.result.contents.value end
  end

  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = 10000 })
  else
    vim.lsp.buf.formatting_sync(nil, 10000)
  end
  out.formatted = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() local ok, err = pcall(run); if not ok then out.error = tostring(err); finish() end end })
