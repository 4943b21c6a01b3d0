#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ from tests/fixtures/ and a
few hand-made edge cases. Run from anywhere; the output is committed, so CI
needs no Python. Leading bytes are the choices each target takes first
(see fuzz_input.h: InputBytes)."""
import io, json, os, pathlib, shutil, struct, zipfile

here = pathlib.Path(__file__).resolve().parent
fixtures = here.parent / "tests" / "fixtures"
corpus = here / "corpus"


def lines(path, count):
    with open(path, "rb") as f:
        return b"".join(f.readline() for _ in range(count))


def write(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


cola = lines(fixtures / "data/cola/in_domain_dev.tsv", 12)
agnews = lines(fixtures / "data/agnews/test.csv", 6)
glue = b"sentence\tlabel\nA fine day.\t1\nDay fine a.\t0\n"
tsv = b"text\tlabel\nsports \"news\"\tsport\nmarkets\tbusiness\n"
quoted = b'text,label\n"line one\nline two, with ""quotes""",1\n"x",0\r\n\n\xef\xbb\xbf,\n'

# delimited_reader: <format> file
for i, data in enumerate([cola, glue, agnews, tsv]):
    write("delimited_reader", f"format{i}", bytes([i]) + data)
write("delimited_reader", "quoted", bytes([2]) + quoted)
write("delimited_reader", "bom_crlf", bytes([3]) + b"\xef\xbb\xbftext\tlabel\r\na\t1\r\rb\t0")

# dataset_import: <format> <flags> [extra bytes per flag] file
for i, data in enumerate([cola, glue, agnews, tsv]):
    write("dataset_import", f"format{i}", bytes([i, 0]) + data)
write("dataset_import", "unlabelled", bytes([2, 4]) + agnews)
write("dataset_import", "columns", bytes([2, 8 | 16, 10]) + b"label\0" + agnews)
write("dataset_import", "labels", bytes([2, 64]) + b"text,label\nok,1\nbad,0\nodd,7\n")
write("dataset_import", "pair", bytes([1, 32 | 1 | 2, 1]) + b"a\tb\tlabel\nx\ty\t1\n")
write("dataset_import", "invalid_utf8", bytes([3, 0]) + b"text\tlabel\n\xff\xfe\t1\nok\t\xc3\x28\n")

# model_config: config.json
for model in ["tiny-bert-cola", "tiny-bert-mlm"]:
    write("model_config", model, (fixtures / "reference" / model / "config.json").read_bytes())
write("model_config", "minimal", json.dumps({"model_type": "bert", "num_labels": 3}))
write("model_config", "extra", json.dumps({"vocab_size": 99, "hidden_size": 8, "num_attention_heads": 2,
                                           "intermediate_size": 16, "num_hidden_layers": 1,
                                           "custom": {"nested": [1, 2, {"a": None}]}, "hidden_act": "relu"}))

# vocabulary and tokenizer_config
vocab = (fixtures / "reference/tiny-bert-cola/vocab.txt").read_bytes()
write("vocabulary", "head", b"\n".join(vocab.split(b"\n")[:1200]) + b"\n")
write("vocabulary", "specials_crlf", b"[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\n[MASK]\r\nthe\r\n##s\r\nqu\r\n##ick\r")
write("tokenizer_config", "tiny-bert-cola", (fixtures / "reference/tiny-bert-cola/tokenizer_config.json").read_bytes())
write("tokenizer_config", "cased", json.dumps({"do_lower_case": False, "strip_accents": True,
                                               "tokenize_chinese_chars": False, "model_max_length": 1e30}))

# tokenizer: <flags> [max length] text [\0 second text]
texts = [json.loads(l)["text"] for l in open(fixtures / "reference/tokenizer/uncased.jsonl", encoding="utf-8")][:40]
for i, text in enumerate(texts[:24]):
    write("tokenizer", f"text{i:02}", bytes([(i * 37) % 128]) + ((i % 7) and b"" or b"\x10") + text.encode())
write("tokenizer", "pair", bytes([1 | 16 | 32, 12]) + "Héllo wörld 中文\0second part, ok?".encode())
write("tokenizer", "invalid", bytes([1]) + b"abc \xff\xfe \xe4\xb8 \xed\xa0\x80 end")

# safetensors: a real header with small tensors, and edge cases
def safetensors(tensors, metadata=None):
    header, blob = {}, b""
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(blob), len(blob) + len(data)]}
        blob += data
    if metadata: header["__metadata__"] = metadata
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + blob

write("safetensors", "small", safetensors({"a.weight": ("F32", [2, 2], struct.pack("<4f", 1, 2, 3, 4)),
                                            "b.bias": ("BF16", [3], b"\x80\x3f" * 3),
                                            "ids": ("I64", [1, 2], struct.pack("<2q", 7, 9))}, {"format": "pt"}))
write("safetensors", "empty_tensor", safetensors({"e": ("F16", [0, 4], b""), "s": ("BOOL", [], b"\x01")}))
head = (fixtures / "reference/tiny-bert-cola/model.safetensors").read_bytes()
n = struct.unpack("<Q", head[:8])[0]
write("safetensors", "tiny-bert-cola-header", head[:8 + n])

# pytorch_model.bin: torch.save's zip layout (archive/data.pkl, archive/data/<key>,
# archive/version), its pickle written opcode by opcode as torch writes it.
def pickle_state_dict(entries):
    out = bytearray(b"\x80\x02}q\x00(")
    memo = [1]
    def put():
        out.extend(b"q" + bytes([memo[0] % 256])); memo[0] += 1
    def unicode(s):
        b = s.encode(); out.extend(b"X" + struct.pack("<I", len(b)) + b); put()
    def integer(v):
        out.extend(b"K" + bytes([v]) if v < 256 else b"J" + struct.pack("<i", v))
    for key, (storage, shape) in entries:
        numel = 1
        for d in shape: numel *= d
        unicode(key)
        out.extend(b"ctorch._utils\n_rebuild_tensor_v2\n"); put()
        out.extend(b"((")
        unicode("storage")
        out.extend(f"ctorch\n{storage}\n".encode()); put()
        unicode(str(entries.index((key, (storage, shape))))); unicode("cpu"); integer(numel)
        out.extend(b"t"); put(); out.extend(b"Q")
        integer(0)
        out.extend(b"(")
        for d in shape: integer(d)
        out.extend(b"t"); put()
        out.extend(b"(")
        stride = []
        acc = 1
        for d in reversed(shape): stride.insert(0, acc); acc *= d
        for s in stride: integer(s)
        out.extend(b"t"); put()
        out.extend(b"\x89ccollections\nOrderedDict\n"); put()
        out.extend(b")R"); put()
        out.extend(b"t"); put()
        out.extend(b"R"); put()
    out.extend(b"u.")
    return bytes(out)

def torch_zip(entries, sizes):
    pkl = pickle_state_dict(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", pkl)
        for key, size in enumerate(sizes):  # storage key i is entry i's
            z.writestr(f"archive/data/{key}", b"\x00\x00\x80\x3f" * size)
        z.writestr("archive/version", b"3\n")
    return buffer.getvalue()

# The same seeds for the archive check alone (torch_archive) and for the whole
# reader, LibTorch included (pytorch_state_dict).
for target in ["torch_archive", "pytorch_state_dict"]:
    write(target, "two_tensors", torch_zip([("bert.pooler.dense.bias", ("FloatStorage", [4])),
                                            ("classifier.weight", ("FloatStorage", [2, 4]))], [4, 8]))
    write(target, "long", torch_zip([("ids", ("LongStorage", [2]))], [4]))  # 2 int64 = 16 bytes

# run_settings, trainer_state, metrics_log
settings = {"options": {"epochs": 2, "learning_rate": 2e-5, "batch_size": 16, "schedule": "linear",
                        "lora": {"rank": 0}},
            "data": {"train": "train.tsv", "train_hash": "0123456789abcdef", "validation_hash": None}}
write("run_settings", "settings", json.dumps(settings, indent=2))
write("run_settings", "changed", json.dumps({"options": {"seed": 7, "max_length": 64},
                                             "data": {"train": "x", "train_hash": "ff"}}))
write("trainer_state", "state", json.dumps({"step": 12, "epoch": 1, "batch_in_epoch": 3, "best_metric": 0.5,
                                            "best_step": 8, "evaluations_without_improvement": 1}, indent=2))
write("trainer_state", "fresh", json.dumps({"step": 0, "epoch": 0, "batch_in_epoch": 0, "best_metric": 0,
                                            "best_step": -1, "evaluations_without_improvement": 0}))
records = "".join(json.dumps({"type": "step", "step": s, "loss": 1.0 / s}) + "\n" for s in range(1, 9))
records += json.dumps({"type": "eval", "split": "validation", "step": 8, "accuracy": 0.5}) + "\n"
write("metrics_log", "log", bytes([5]) + records.encode())
write("metrics_log", "cut", bytes([200]) + records.encode()[:-9])

print("corpus written to", corpus)
