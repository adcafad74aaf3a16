/**
 * Python identifiers for names from the user's document, made the way PyTorch FX names graph values
 * (torch/fx/graph.py, `_Namespace.create_name`): every run of characters outside [0-9A-Za-z_] becomes one `_`, an
 * empty name (here also one of only underscores) becomes `_unnamed`, a leading digit gets a `_` prefix, and a name
 * that is taken or reserved gets the next free numeric suffix (`fc_1`, `fc_2`; one that already ends in `_<n>`
 * counts on from n).
 *
 * Two rules go beyond FX, because these names also become attributes of an nn.Module inside a class body: a name
 * starting with two underscores would be mangled by Python (`self.__x` is `self._Model__x`), so leading underscores
 * shrink to one; and nn.Module's own attributes (`training`, `forward`, `state_dict`, …) are reserved like builtins.
 */

/** keyword.kwlist of Python 3.11 (the soft keywords `match`, `case`, `_` are valid names). */
const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
];

/** dir(builtins) of Python 3.11, without the dunder entries (no sanitised name can start with two underscores). */
const BUILTINS = [
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BaseExceptionGroup', 'BlockingIOError',
  'BrokenPipeError', 'BufferError', 'BytesWarning', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError',
  'ConnectionRefusedError', 'ConnectionResetError', 'DeprecationWarning', 'EOFError', 'Ellipsis', 'EncodingWarning',
  'EnvironmentError', 'Exception', 'ExceptionGroup', 'FileExistsError', 'FileNotFoundError', 'FloatingPointError',
  'FutureWarning', 'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError', 'IndexError',
  'InterruptedError', 'IsADirectoryError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError',
  'ModuleNotFoundError', 'NameError', 'NotADirectoryError', 'NotImplemented', 'NotImplementedError', 'OSError',
  'OverflowError', 'PendingDeprecationWarning', 'PermissionError', 'ProcessLookupError', 'RecursionError',
  'ReferenceError', 'ResourceWarning', 'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration', 'StopIteration',
  'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError', 'TimeoutError', 'TypeError',
  'UnboundLocalError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError',
  'UnicodeWarning', 'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError', 'abs', 'aiter', 'all', 'anext', 'any',
  'ascii', 'bin', 'bool', 'breakpoint', 'bytearray', 'bytes', 'callable', 'chr', 'classmethod', 'compile', 'complex',
  'copyright', 'credits', 'delattr', 'dict', 'dir', 'divmod', 'enumerate', 'eval', 'exec', 'exit', 'filter', 'float',
  'format', 'frozenset', 'getattr', 'globals', 'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int', 'isinstance',
  'issubclass', 'iter', 'len', 'license', 'list', 'locals', 'map', 'max', 'memoryview', 'min', 'next', 'object', 'oct',
  'open', 'ord', 'pow', 'print', 'property', 'quit', 'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'slice',
  'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip',
];

/**
 * Attributes of nn.Module (dir() of torch 1.13, plus those torch 2.x added): a submodule under one of these names
 * would shadow the method or break the Module machinery.
 */
const MODULE_ATTRIBUTES = [
  'T_destination', '_apply', '_backward_hooks', '_backward_pre_hooks', '_buffers', '_call_impl', '_compiled_call_impl',
  '_forward_hooks', '_forward_hooks_always_called', '_forward_hooks_with_kwargs', '_forward_pre_hooks',
  '_forward_pre_hooks_with_kwargs', '_get_backward_hooks', '_get_backward_pre_hooks', '_get_name', '_is_full_backward_hook',
  '_load_from_state_dict', '_load_state_dict_post_hooks', '_load_state_dict_pre_hooks', '_maybe_warn_non_full_backward_hook',
  '_modules', '_named_members', '_non_persistent_buffers_set', '_parameters', '_register_load_state_dict_pre_hook',
  '_register_state_dict_hook', '_replicate_for_data_parallel', '_save_to_state_dict', '_slow_forward', '_state_dict_hooks',
  '_state_dict_pre_hooks', '_version', '_wrapped_call_impl', 'add_module', 'apply', 'bfloat16', 'buffers',
  'call_super_init', 'children', 'compile', 'cpu', 'cuda', 'double', 'dump_patches', 'eval', 'extra_repr', 'float',
  'forward', 'get_buffer', 'get_extra_state', 'get_parameter', 'get_submodule', 'half', 'ipu', 'load_state_dict', 'modules',
  'mtia', 'named_buffers', 'named_children', 'named_modules', 'named_parameters', 'parameters', 'register_backward_hook',
  'register_buffer', 'register_forward_hook', 'register_forward_pre_hook', 'register_full_backward_hook',
  'register_full_backward_pre_hook', 'register_load_state_dict_post_hook', 'register_load_state_dict_pre_hook',
  'register_module', 'register_parameter', 'register_state_dict_post_hook', 'register_state_dict_pre_hook',
  'requires_grad_', 'set_extra_state', 'set_submodule', 'share_memory', 'state_dict', 'to', 'to_empty', 'train', 'training',
  'type', 'xpu', 'zero_grad',
];

const RESERVED: ReadonlySet<string> = new Set([...KEYWORDS, ...BUILTINS, ...MODULE_ATTRIBUTES]);

const ILLEGAL_RUN = /[^0-9a-zA-Z_]+/g;
const NUMBERED = /^(.*)_(\d+)$/;

/** Whether `name` is one that a Namespace could hand out (a test checks every sanitised name against this). */
export function isSafePythonName(name: string): boolean {
  return /^[A-Za-z_][0-9A-Za-z_]*$/.test(name) && !name.startsWith('__') && !RESERVED.has(name);
}

/** Hands out unique, safe Python identifiers; names used by the generated code itself are reserved up front. */
export class PythonNamespace {
  private readonly used = new Set<string>();
  private readonly counts = new Map<string, number>();

  constructor(fixedNames: Iterable<string> = []) {
    for (const name of fixedNames) this.used.add(name);
  }

  /** A fresh identifier made from `candidate` (FX's create_name). */
  create(candidate: string): string {
    let name = candidate.replace(ILLEGAL_RUN, '_');
    if (/^\d/.test(name)) name = `_${name}`;
    name = name.replace(/^__+/, '_');
    // FX names an empty candidate `_unnamed`; so here is one of only underscores, whose numbered forms (`__1`) would
    // start with two underscores.
    if (/^_*$/.test(name)) name = '_unnamed';
    const match = NUMBERED.exec(name);
    const base = match ? match[1]! : name;
    let num = match ? Number(match[2]) : undefined;
    // FX keeps a written number (`fc_3`; `fc_007` becomes `fc_7`) and counts on from the base's last suffix when
    // there is none or it is 0.
    let result = match ? `${base}_${num}` : base;
    if (!num) num = this.counts.get(base) ?? 0;
    while (this.used.has(result) || !isSafePythonName(result)) {
      num += 1;
      result = `${base}_${num}`;
    }
    this.used.add(result);
    this.counts.set(base, num);
    return result;
  }
}
