/**
 * The fixed part of model.py: reading and writing .safetensors files (the format is small enough to do by hand, so
 * the project needs no `safetensors` package) and moving weights between netloom's names and the module's.
 */

export const WEIGHTS_IO_PYTHON = `SAFETENSORS_DTYPES = {"F16": "<f2", "F32": "<f4", "F64": "<f8", "I32": "<i4", "I64": "<i8", "U8": "u1"}


def read_safetensors(path: str) -> dict[str, torch.Tensor]:
    """The tensors of a .safetensors file: an 8-byte little-endian header length, a JSON header, then the data."""
    with open(path, "rb") as file:
        data = file.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_length])
    start = 8 + header_length
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] not in SAFETENSORS_DTYPES:
            raise ValueError(f"{path}: tensor {name!r} has dtype {info['dtype']}, which this reader does not support")
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[start + begin:start + end], dtype=np.dtype(SAFETENSORS_DTYPES[info["dtype"]]))
        tensors[name] = torch.from_numpy(array.reshape(info["shape"]).copy())
    return tensors


def write_safetensors(path: str, tensors: dict[str, torch.Tensor]) -> None:
    """Writes tensors as .safetensors, through a temporary file so a failed write leaves no partial file."""
    header = {"__metadata__": {"format": "pt"}}
    chunks = []
    offset = 0
    for name, tensor in tensors.items():
        array = tensor.detach().cpu().contiguous().numpy()
        dtype = next((key for key, code in SAFETENSORS_DTYPES.items() if np.dtype(code) == array.dtype), None)
        if dtype is None:
            raise ValueError(f"tensor {name!r} has dtype {array.dtype}, which safetensors files here do not hold")
        chunk = array.astype(SAFETENSORS_DTYPES[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(chunk)]}
        chunks.append(chunk)
        offset += len(chunk)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    partial = f"{path}.{os.getpid()}.partial"
    with open(partial, "wb") as file:
        file.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
    os.replace(partial, path)


def load_netloom_weights(model: nn.Module, path: str) -> None:
    """Loads weights saved by netloom (\`netloom train --save\`) into the model; every name must match (strict).

    BatchNorm's num_batches_tracked counters, which netloom does not keep, are filled in by PyTorch itself: a plain
    dict carries no version metadata, and for such a dict _BatchNorm adds the missing counter before loading.
    """
    tensors = read_safetensors(path)
    model.load_state_dict({NETLOOM_TO_TORCH.get(name, name): tensor for name, tensor in tensors.items()}, strict=True)


def save_netloom_weights(model: nn.Module, path: str) -> None:
    """Writes the model's weights under netloom's names, for \`netloom run --weights\` or the editor."""
    state = model.state_dict()
    write_safetensors(path, {
        TORCH_TO_NETLOOM.get(name, name): tensor.float() if tensor.is_floating_point() else tensor
        for name, tensor in state.items()
        if not name.endswith(".num_batches_tracked")
    })
`;
