/**
 * The fixed parts of train.py: loading the exported .npy data, the validation split, endless row streams, the
 * learning-rate schedule, evaluation and the training loop (one GPU, CPU, or DistributedDataParallel under torchrun).
 * They follow engine/train: the first Dataset node is primary (an epoch is one pass over its training rows), every
 * optimizer's first update of an iteration uses the iteration's batch and its extra updates fresh rows, schedules
 * step once per epoch with warm-up per update, and early stopping watches the first optimizer's validation loss.
 */

export const DATA_PYTHON = `def load_dataset(data_dir: Path, dataset: str, sample_shape: tuple[int, ...]) -> dict[str, TensorDataset | None]:
    """The train and test splits of a built-in dataset, as \`netloom export\` wrote them to data/<dataset>/."""
    splits: dict[str, TensorDataset | None] = {}
    for split in ("train", "test"):
        features_path = data_dir / dataset / f"{split}_features.npy"
        if not features_path.exists():
            splits[split] = None
            continue
        features = torch.from_numpy(np.load(features_path))
        labels = torch.from_numpy(np.load(data_dir / dataset / f"{split}_labels.npy"))
        features = features.reshape(len(features), *sample_shape)
        # netloom's integer data (class indices, token ids) is int32; PyTorch's losses and embeddings take int64.
        splits[split] = TensorDataset(
            features if features.is_floating_point() else features.long(),
            labels if labels.is_floating_point() else labels.long(),
        )
    if splits["train"] is None:
        raise FileNotFoundError(f"no data for {dataset} in {data_dir}; export the graph again with \`netloom export --to pytorch\`")
    return splits


def split_validation(rows: TensorDataset, fraction: float, seed: int) -> tuple[TensorDataset, TensorDataset | None]:
    """Holds out a seeded random fraction of the training rows for validation."""
    held = int(len(rows) * fraction)
    if held == 0:
        return rows, None
    order = torch.randperm(len(rows), generator=torch.Generator().manual_seed(seed))
    features, labels = rows.tensors
    return TensorDataset(features[order[held:]], labels[order[held:]]), TensorDataset(features[order[:held]], labels[order[:held]])


def to_batch(rows: dict[str, tuple[torch.Tensor, torch.Tensor]], device: torch.device) -> dict[str, torch.Tensor]:
    """The batch by netloom input name: each Dataset node's features and labels."""
    batch = {}
    for node, (features, labels) in rows.items():
        batch[f"{node}.features"] = features.to(device)
        batch[f"{node}.labels"] = labels.to(device)
    return batch
`;

export const ROW_STREAM_PYTHON = `class RowStream:
    """Endless batches of a dataset's rows in a seeded order, reshuffled each time they run out (netloom's BatchStream)."""

    def __init__(self, rows: TensorDataset, seed: int) -> None:
        self.rows = rows
        self.generator = torch.Generator().manual_seed(seed)
        self.order = torch.randperm(len(rows), generator=self.generator)
        self.cursor = 0

    def take(self, count: int) -> tuple[torch.Tensor, torch.Tensor]:
        picked = []
        while count > 0:
            if self.cursor == len(self.order):
                self.order = torch.randperm(len(self.rows), generator=self.generator)
                self.cursor = 0
            n = min(count, len(self.order) - self.cursor)
            picked.append(self.order[self.cursor:self.cursor + n])
            self.cursor += n
            count -= n
        index = torch.cat(picked)
        features, labels = self.rows.tensors
        return features[index], labels[index]
`;

export const SCHEDULE_PYTHON = `@dataclass
class Step:
    """One optimizer node: the loss it minimises, its weights, its torch.optim optimizer, its schedule and clipping."""

    name: str
    loss: str
    parameters: list[nn.Parameter]
    optimizer: torch.optim.Optimizer
    base_lr: float
    schedule: dict[str, float | str] = field(default_factory=lambda: {"schedule": "constant"})
    steps: int = 1
    clip_grad_norm: float = 0.0
    clip_grad_value: float = 0.0
    updates: int = 0

    def learning_rate(self, epoch: int) -> float:
        """The closed forms of StepLR, ExponentialLR and CosineAnnealingLR stepped once per epoch, times a linear
        warm-up over the first warmup_steps updates (LinearLR(start_factor=1/(k+1), total_iters=k) per update)."""
        s = self.schedule
        if s["schedule"] == "step":
            rate = self.base_lr * s["gamma"] ** (epoch // s["step_size"])
        elif s["schedule"] == "exponential":
            rate = self.base_lr * s["gamma"] ** epoch
        elif s["schedule"] == "cosine":
            rate = s["eta_min"] + (self.base_lr - s["eta_min"]) * (1 + math.cos(math.pi * epoch / s["t_max"])) / 2
        else:
            rate = self.base_lr
        warmup = s.get("warmup_steps", 0)
        return rate * (self.updates + 1) / (warmup + 1) if self.updates < warmup else rate
`;

export const EVALUATE_PYTHON = `@torch.no_grad()
def evaluate(model: nn.Module, rows: TensorDataset | None, streams: dict[str, RowStream], device: torch.device) -> dict[str, float] | None:
    """Mean loss and accuracy of every loss over a split, in eval mode, by netloom name."""
    if rows is None:
        return None
    model.eval()
    totals: dict[str, float] = {}
    features, labels = rows.tensors
    for start in range(0, len(rows), 512):
        part = {PRIMARY: (features[start:start + 512], labels[start:start + 512])}
        count = len(part[PRIMARY][0])
        batch = to_batch({**part, **{node: stream.take(count) for node, stream in streams.items()}}, device)
        losses, accuracies = compute_losses(run_model(model, batch), batch)
        for name, value in [*losses.items(), *((f"{name} acc", value) for name, value in accuracies.items())]:
            totals[name] = totals.get(name, 0.0) + value.item() * count
    return {name: total / len(rows) for name, total in totals.items()}


def describe(prefix: str, metrics: dict[str, float] | None) -> str:
    if metrics is None:
        return ""
    return "  ".join(f"{prefix}{name} {value:.1%}" if name.endswith(" acc") else f"{prefix}{name} {value:.4f}" for name, value in metrics.items())
`;

export const MAIN_PYTHON = `def main() -> None:
    parser = argparse.ArgumentParser(description="Train the netloom graph exported to model.py.")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="per process under torchrun")
    parser.add_argument("--lr", type=float, default=None, help="learning rate of every optimizer (default: each node's own)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--validation-split", type=float, default=VALIDATION_SPLIT)
    parser.add_argument("--early-stopping-patience", type=int, default=EARLY_STOPPING_PATIENCE)
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--weights", help="start from weights netloom saved (.safetensors)")
    parser.add_argument("--save", help="write the trained weights for netloom (.safetensors)")
    args = parser.parse_args()

    # torchrun sets WORLD_SIZE, RANK and LOCAL_RANK; a plain \`python train.py\` runs one process.
    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    if distributed:
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    rank = dist.get_rank() if distributed else 0
    if distributed and rank == 0:
        print(f"DistributedDataParallel over {dist.get_world_size()} processes ({dist.get_backend()})", flush=True)
    if torch.cuda.is_available():
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
    torch.manual_seed(args.seed)

    sources = {node: load_dataset(args.data_dir, dataset, shape) for node, (dataset, shape) in DATASETS.items()}
    train_rows, validation_rows = split_validation(sources[PRIMARY]["train"], args.validation_split, args.seed)
    test_rows = sources[PRIMARY]["test"]
    streams = {node: RowStream(data["train"], args.seed + i) for i, (node, data) in enumerate(sources.items()) if node != PRIMARY}
    extra_rows = RowStream(train_rows, args.seed)

    model = Model().to(device)
    if args.weights:
        load_netloom_weights(model, args.weights)
    net = model
    if distributed:
        device_ids = [device.index] if device.type == "cuda" else None
        net = DistributedDataParallel(model, device_ids=device_ids, find_unused_parameters=FIND_UNUSED_PARAMETERS)
    steps = make_steps(model, args.lr)
    sampler = DistributedSampler(train_rows, shuffle=True, seed=args.seed) if distributed else None
    loader = DataLoader(train_rows, batch_size=args.batch_size, shuffle=sampler is None, sampler=sampler,
                        generator=torch.Generator().manual_seed(args.seed))

    best, since_best = math.inf, 0
    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        for features, labels in loader:
            count = len(features)
            rows = {PRIMARY: (features, labels), **{node: stream.take(count) for node, stream in streams.items()}}
            for step in steps:
                for k in range(step.steps):
                    # An optimizer's first update uses the iteration's batch; its extra updates (k > 0) fresh rows.
                    if k > 0:
                        rows = {**rows, PRIMARY: extra_rows.take(count)}
                    batch = to_batch(rows, device)
                    for group in step.optimizer.param_groups:
                        group["lr"] = step.learning_rate(epoch)
                    losses, _ = compute_losses(run_model(net, batch), batch)
                    net.zero_grad(set_to_none=True)
                    losses[step.loss].backward()
                    if step.clip_grad_norm > 0:
                        torch.nn.utils.clip_grad_norm_(step.parameters, step.clip_grad_norm)
                    if step.clip_grad_value > 0:
                        torch.nn.utils.clip_grad_value_(step.parameters, step.clip_grad_value)
                    step.optimizer.step()
                    step.updates += 1
        train = evaluate(model, train_rows, streams, device)
        validation = evaluate(model, validation_rows, streams, device)
        test = evaluate(model, test_rows, streams, device)
        if rank == 0:
            parts = [f"epoch {epoch + 1}/{args.epochs}", describe("", train), describe("val_", validation), describe("test_", test)]
            print("   ".join(part for part in parts if part), flush=True)
        stop = False
        if validation is not None and args.early_stopping_patience > 0:
            value = validation[steps[0].loss]
            best, since_best = (value, 0) if value < best else (best, since_best + 1)
            stop = since_best >= args.early_stopping_patience
        if distributed:
            # Noise nodes make each process's validation loss differ a little: rank 0 decides for all.
            decision = torch.tensor([int(stop)], device=device)
            dist.broadcast(decision, 0)
            stop = bool(decision.item())
        if stop:
            if rank == 0:
                print("early stopping: no better validation loss", flush=True)
            break
    if args.save and rank == 0:
        save_netloom_weights(model, args.save)
        print(f"weights saved to {args.save}", flush=True)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;
