-- Headless Neovim (0.7+) as a plain LSP client of the Vault Notes server, for test/lsp/neovim.test.ts.
-- It opens one note, waits for the server's pushed diagnostics, optionally asks for completion,
-- definition and references at one position, prints ONE line `RESULT {json}` and quits
-- (exit 0 when the run itself worked, whatever the server answered; 1 on a harness error).
--
-- Environment (positions are LSP positions: 0-based line, UTF-16 character):
--   VN_LSP_CMD         JSON array, the server command, e.g. ["node","dist/server.js","--stdio"]
--   VN_ROOT            the vault folder (workspace folder and root_dir)
--   VN_FILE            the note to open
--   VN_LINE, VN_CHAR   optional: where to request completion, definition and references
--   VN_TIMEOUT_MS      optional: limit for each wait (default 10000)
--   VN_WAIT            optional: 'nonempty' (default) waits for a non-empty diagnostics list for the
--                      note; 'any' returns at the first publish, even an empty one
vim.o.swapfile = false
vim.o.shadafile = 'NONE'

local function env_number(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then return default end
  return tonumber(value)
end

local timeout = env_number('VN_TIMEOUT_MS', 10000)
local started = vim.loop.hrtime()
local timings = {}
local function lap(name) timings[name] = math.floor((vim.loop.hrtime() - started) / 1e6) end

local function finish(result, code)
  result.ms = timings
  io.stdout:write('RESULT ' .. vim.fn.json_encode(result) .. '\n')
  io.stdout:flush()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

-- Raw publishDiagnostics by file name: vim.diagnostic converts ranges to byte columns, but the
-- contract (SPEC §6) is LSP ranges in UTF-16, so the test compares the server's own values.
-- Keyed by decoded path, not URI text: Neovim percent-encodes in lower case (%e9) while
-- vscode-uri writes upper case (%E9), and both name the same file.
local published = {}
local stderr = {}

-- Runs one request through the client directly (vim.lsp.buf_request* would only print an error
-- and never call back for a method the server does not declare) and returns its result, or a
-- table saying why there is none.
local function request(client, bufnr, capability, method, params)
  if not client.server_capabilities[capability] then return { unsupported = capability } end
  local response, err = client.request_sync(method, params, timeout, bufnr)
  if not response then return { error = tostring(err) } end
  if response.err then return { error = response.err.message } end
  return response.result == nil and vim.NIL or response.result
end

local function required(name)
  local value = os.getenv(name)
  if value == nil or value == '' then error(name .. ' is required') end
  return value
end

-- Everything runs under pcall: an error anywhere must still print RESULT and quit, or a
-- headless Neovim would wait for input forever.
local ok, err = pcall(function()
  local cmd = vim.fn.json_decode(required('VN_LSP_CMD'))
  local root = vim.fn.fnamemodify(required('VN_ROOT'), ':p'):gsub('/$', '')
  local file = vim.fn.fnamemodify(required('VN_FILE'), ':p')
  local line = env_number('VN_LINE', nil)
  local character = env_number('VN_CHAR', nil)
  local wait_mode = os.getenv('VN_WAIT') or 'nonempty'

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local uri = vim.uri_from_bufnr(bufnr)

  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'vault-notes',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(error, result, ctx, config)
        published[vim.uri_to_fname(result.uri)] = result.diagnostics
        return default_publish(error, result, ctx, config)
      end,
    },
    on_stderr = function(_, data) table.insert(stderr, data) end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local initialized = vim.wait(timeout, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 10)
  assert(initialized, 'the server did not answer initialize within ' .. timeout .. ' ms')
  lap('initialized')

  local received = vim.wait(timeout, function()
    local diagnostics = published[file]
    return diagnostics ~= nil and (wait_mode == 'any' or #diagnostics > 0)
  end, 10)
  lap('diagnostics')

  local result = { ok = true, uri = uri, diagnostics_received = received, diagnostics = published[file] or {} }
  if line ~= nil and character ~= nil then
    local at = { textDocument = { uri = uri }, position = { line = line, character = character } }
    local client = vim.lsp.get_client_by_id(client_id)
    result.completion = request(client, bufnr, 'completionProvider', 'textDocument/completion',
      vim.tbl_extend('force', at, { context = { triggerKind = 1 } }))
    lap('completion')
    result.definition = request(client, bufnr, 'definitionProvider', 'textDocument/definition', at)
    lap('definition')
    result.references = request(client, bufnr, 'referencesProvider', 'textDocument/references',
      vim.tbl_extend('force', at, { context = { includeDeclaration = true } }))
    lap('references')
  end
  vim.lsp.stop_client(client_id)
  finish(result, 0)
end)
if not ok then finish({ ok = false, error = tostring(err), stderr = table.concat(stderr) }, 1) end
