#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ from tests/fixtures/ and a
few hand-made edge cases. Run from anywhere; the output is committed, so CI
needs no Python. Leading bytes are the choices each target takes first
(see fuzz_input.h: InputBytes). With target names as arguments
(make_corpus.py bpe_files tokenizer_json) only those are written: the zip
seeds carry the time they were made, so rewriting them all changes files
nobody meant to touch."""
import io, json, os, pathlib, shutil, struct, sys, zipfile

here = pathlib.Path(__file__).resolve().parent
fixtures = here.parent / "tests" / "fixtures"
corpus = here / "corpus"


def lines(path, count):
    with open(path, "rb") as f:
        return b"".join(f.readline() for _ in range(count))


selected = set(sys.argv[1:])


def write(target, name, data):
    if selected and target not in selected:
        return
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
write("dataset_import", "bad_rows", bytes([2, 128]) + b"text,label\nok,1\n\"a\"b,0\nshort\nx,1,extra\n\"x\"y,1\r\n"
      b"\"unclosed,1\r\nafter,0\r\nlast,1")

# model_config: config.json
for model in ["tiny-bert-cola", "tiny-bert-mlm", "tiny-distilbert-cola", "tiny-distilbert-mlm", "tiny-roberta-cola",
              "tiny-roberta-mlm"]:
    write("model_config", model, (fixtures / "reference" / model / "config.json").read_bytes())
write("model_config", "minimal", json.dumps({"model_type": "bert", "num_labels": 3}))
write("model_config", "distilbert_minimal", json.dumps({"model_type": "distilbert", "dim": 8, "n_heads": 2,
                                                        "n_layers": 1, "hidden_dim": 16, "sinusoidal_pos_embds": True}))
write("model_config", "roberta_minimal", json.dumps({"model_type": "roberta", "pad_token_id": 1,
                                                     "max_position_embeddings": 3, "type_vocab_size": 1}))
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

# attention_probes: a run's snapshot as the trainer writes it (U8 weights,
# the probes' texts and tokens in the metadata), and one a probe short
def probes(texts, layers=2, heads=2, step=120):
    entries, tensors = [], {}
    for i, text in enumerate(texts):
        tokens = ["[CLS]"] + text.lower().split() + ["[SEP]"]
        t = len(tokens)
        entries.append({"pair": "", "readable_tokens": tokens, "text": text, "tokens": tokens})
        tensors[f"probe.{i}"] = ("U8", [layers, heads, t, t], bytes((7 * k) % 256 for k in range(layers * heads * t * t)))
    meta = {"epoch": "1", "format": "bertbench-attention-probes/1", "probes": json.dumps(entries, separators=(",", ":")),
            "scale": "255", "step": str(step)}
    return safetensors(tensors, meta)

write("attention_probes", "two_probes", probes(["Bill broke the bathtub .", "Harry coughed ."]))
write("attention_probes", "one_probe", probes(["The boy ate the apple ."], layers=1, heads=3, step=7))
write("attention_probes", "probe_missing", probes(["A b .", "C d ."])[:-20])

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

# bpe_files: <which files exist: bit i for the i-th> vocab.json \0 merges.txt \0
# tokenizer_config.json \0 special_tokens_map.json \0 added_tokens.json.
# A small vocabulary cut from KantaiBERT's (the specials, the 256 byte symbols,
# the first merged tokens) and the merges that stay inside it.
kantai = json.loads((fixtures / "reference/vocab/kantaibert-vocab.json").read_text(encoding="utf-8"))
small_vocab = {token: i for token, i in kantai.items() if i < 400}
small_merges = []
for line in (fixtures / "reference/vocab/kantaibert-merges.txt").read_text(encoding="utf-8").split("\n")[1:-1]:
    first, second = line.split()
    if first in small_vocab and second in small_vocab and first + second in small_vocab:
        small_merges.append(line)
vocab_json = json.dumps(small_vocab, ensure_ascii=False)
merges_txt = "#version: 0.2\n" + "\n".join(small_merges) + "\n"
roberta = fixtures / "reference/tiny-roberta-cola"
config_json = (roberta / "tokenizer_config.json").read_text(encoding="utf-8")
map_json = (roberta / "special_tokens_map.json").read_text(encoding="utf-8")


def bpe_files(flags, *parts):
    return bytes([flags]) + "\0".join(parts).encode()


write("bpe_files", "kantai_small", bpe_files(0b01111, vocab_json, merges_txt, config_json, map_json))
write("bpe_files", "defaults", bpe_files(0b00011, vocab_json, merges_txt))
write("bpe_files", "added_and_options", bpe_files(
    0b11111, vocab_json, merges_txt,
    json.dumps({"add_prefix_space": True, "clean_up_tokenization_spaces": None, "bos_token": None,
                "sep_token": {"__type": "AddedToken", "content": "</s>", "rstrip": True},
                "additional_special_tokens": ["Ġthe", {"__type": "AddedToken", "content": "ing", "lstrip": True}]}),
    json.dumps({"pad_token": "<pad>", "mask_token": {"content": "<mask>", "lstrip": False}}),
    json.dumps({"<ent>": 400, "[X]": 401})))
write("bpe_files", "merges_crlf_no_header", bpe_files(0b00011, vocab_json, "\r\n".join(small_merges[:40]) + "\r\nh e"))
write("bpe_files", "merges_three_symbols", bpe_files(0b00011, vocab_json, "#version: 0.2\nĠ t\nĠ t h\n"))
write("bpe_files", "vocab_gap", bpe_files(0b00011, json.dumps({"<s>": 0, "<pad>": 1, "</s>": 3}), merges_txt))
write("bpe_files", "no_merges_file", bpe_files(0b00001, vocab_json))
write("bpe_files", "tiny", bpe_files(0b00111, json.dumps({"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "<mask>": 4,
                                                         "a": 5, "b": 6, "ab": 7, "\u0120": 8}),
                                     "#version: 0.2\na b\nab ab\n", '{"add_prefix_space": true}'))

# tokenizer_json: tokenizer.json as transformers' convert_slow_tokenizer writes it.
def added_token(i, content, lstrip=False, special=True):
    return {"id": i, "content": content, "single_word": False, "lstrip": lstrip, "rstrip": False,
            "normalized": False, "special": special}


def template(tokens):
    return [{"SpecialToken": {"id": t, "type_id": i}} if t not in "AB" else {"Sequence": {"id": t, "type_id": i}}
            for t, i in tokens]


bpe_json = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [added_token(small_vocab[t], t, t == "<mask>") for t in ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]],
    "normalizer": None,
    "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
    "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0], "trim_offsets": True,
                       "add_prefix_space": False},
    "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
    "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
              "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "vocab": small_vocab,
              "merges": small_merges},
}
write("tokenizer_json", "bpe", json.dumps(bpe_json, ensure_ascii=False, indent=1))
variant = json.loads(json.dumps(bpe_json))
variant["model"]["merges"] = [m.split(" ") for m in small_merges[:60]]
variant["post_processor"] = {"type": "TemplateProcessing",
                             "single": template([("<s>", 0), ("A", 0), ("</s>", 0)]),
                             "pair": template([("<s>", 0), ("A", 0), ("</s>", 0), ("</s>", 0), ("B", 0), ("</s>", 0)]),
                             "special_tokens": {}}
variant["added_tokens"] += [added_token(400, "<ent>", special=False), added_token(401, "<sys>", True)]
write("tokenizer_json", "bpe_pairs_template_added", json.dumps(variant, ensure_ascii=False))
bert_vocab = (fixtures / "reference/tiny-bert-cola/vocab.txt").read_text(encoding="utf-8").split("\n")[:1200]
wordpiece_json = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [added_token(bert_vocab.index(t), t) for t in ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]],
    "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None,
                   "lowercase": True},
    "pre_tokenizer": {"type": "BertPreTokenizer"},
    "post_processor": {"type": "TemplateProcessing",
                       "single": template([("[CLS]", 0), ("A", 0), ("[SEP]", 0)]),
                       "pair": template([("[CLS]", 0), ("A", 0), ("[SEP]", 0), ("B", 1), ("[SEP]", 1)]),
                       "special_tokens": {}},
    "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
    "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
              "max_input_chars_per_word": 100, "vocab": {t: i for i, t in enumerate(bert_vocab)}},
}
write("tokenizer_json", "wordpiece", json.dumps(wordpiece_json, ensure_ascii=False))
wordpiece_json["normalizer"] = {"type": "Sequence", "normalizers": [dict(wordpiece_json["normalizer"], lowercase=False,
                                                                         strip_accents=True)]}
wordpiece_json["post_processor"] = {"type": "BertProcessing", "sep": ["[SEP]", 102], "cls": ["[CLS]", 101]}
write("tokenizer_json", "wordpiece_cased_bertprocessing", json.dumps(wordpiece_json, ensure_ascii=False))
write("tokenizer_json", "unigram", json.dumps({"model": {"type": "Unigram", "unk_id": 0, "vocab": [["<unk>", 0.0]]}}))
write("tokenizer_json", "bpe_metaspace", json.dumps(dict(bpe_json, pre_tokenizer={"type": "Metaspace"}),
                                                    ensure_ascii=False))

print("corpus written to", corpus)
