"""The package layout holds: imports only go down the layers of ARCHITECTURE.md, no cycles, no imports
hidden in functions, no module over 400 lines.

Run as a script (``python tests/architecture/test_layers.py``) it prints the counts the closing notes quote.
"""

from __future__ import annotations

import ast
import re
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "twoway"

#: The order of ARCHITECTURE.md, bottom first. A module may import its own package and any layer below.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors",), ("clock",), ("paths",), ("settings",), ("words",), ("identity",), ("csv_safe",), ("pitch",),
    ("reading",),
    ("store",), ("sources",), ("linkedin", "mail", "calendars", "contacts"),
    ("people",), ("accounts",), ("history",), ("states",), ("strength",), ("plan",), ("prune",),
    ("invitations",), ("health",), ("graph",), ("introductions",), ("views",), ("generator",), ("cli", "web"),
    ("__main__",),
)
#: Function-level imports the faces keep on purpose: heavy libraries loaded only by the commands that use them.
ALLOWED_LAZY = re.compile(r"^twoway\.(cli|web)\b")
#: Where data read from a database may be kept between calls: each cache lives with its data.
CACHE_HOMES = {
    "twoway.history.cache": "each owner's history, and (on the History itself) what is derived from it",
    "twoway.graph.cache": "graphs built from the database, by its fingerprint",
}
#: Module-level memos of pure text parsing (no database rows), kept because an import parses millions of dates.
PURE_MEMOS = {"twoway.linkedin.dates": "date text -> epoch seconds, once per distinct text"}
MAX_LINES = 400


def layer_of(module: str) -> int:
    top = module.split(".")[1] if module.count(".") else ""
    for rank, names in enumerate(LAYERS):
        if top in names:
            return rank
    raise AssertionError(f"{module}: its package {top!r} has no place in LAYERS (see ARCHITECTURE.md)")


@dataclass
class Module:
    name: str
    path: Path
    lines: int
    imports: set[str] = field(default_factory=set)  # top-level imports of twoway modules
    lazy: list[tuple[int, str]] = field(default_factory=list)  # (line, module) imported inside a function
    caches: list[tuple[int, str]] = field(default_factory=list)


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _targets(node: ast.Import | ast.ImportFrom, here: str, is_pkg: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names if a.name.startswith("twoway"))
        return
    base = node.module or ""
    if node.level:
        pkg = here.split(".") if is_pkg else here.split(".")[:-1]
        pkg = pkg[: len(pkg) - (node.level - 1)]
        base = ".".join([*pkg, base] if base else pkg)
    if not base.startswith("twoway"):
        return
    for alias in node.names:
        yield f"{base}.{alias.name}"


def _memo_like(node: ast.stmt) -> str | None:
    """A module-level dict/cache that derived rows are kept in, by its name."""
    if isinstance(node, ast.AnnAssign | ast.Assign):
        value = node.value
        names = [t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                 if isinstance(t, ast.Name)]
        empty = (isinstance(value, ast.Dict) and not value.keys) or (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id in {"dict", "OrderedDict"} and not value.args)
        if empty and names:
            return names[0]
    return None  # functools.cache/lru_cache on a function of plain values is a pure memo, not a cache of rows


def load() -> dict[str, Module]:
    found: dict[str, Module] = {}
    for path in sorted(SRC.rglob("*.py")):
        name = _module_name(path)
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        mod = Module(name, path, source.count("\n"))
        is_pkg = path.name == "__init__.py"
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                mod.imports.update(_targets(node, name, is_pkg))
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue  # annotations only: no import at run time
            memo = _memo_like(node)
            if memo:
                mod.caches.append((getattr(node, "lineno", 0), memo))
        for outer in ast.walk(tree):
            if isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(outer):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        for target in _targets(inner, name, is_pkg):
                            mod.lazy.append((inner.lineno, target))
        found[name] = mod
    # "from twoway.x import name" names either a module or an attribute: keep the module it resolves to.
    for mod in found.values():
        mod.imports = {_resolve(t, found) for t in mod.imports} - {mod.name}
        mod.lazy = [(line, _resolve(t, found)) for line, t in mod.lazy]
    return found


def _resolve(target: str, modules: dict[str, Module]) -> str:
    while target not in modules and "." in target:
        target = target.rsplit(".", 1)[0]
    return target


def upward(mods: dict[str, Module]) -> list[str]:
    bad = []
    for mod in mods.values():
        if mod.name == "twoway":
            continue
        for target in sorted(mod.imports):
            if target == "twoway":
                bad.append(f"{mod.name} imports the twoway package itself")
            elif layer_of(target) > layer_of(mod.name):
                bad.append(f"{mod.name} imports {target}, a higher layer")
            elif layer_of(target) == layer_of(mod.name) and target.split(".")[1] != mod.name.split(".")[1]:
                bad.append(f"{mod.name} imports {target}, a sibling face")
    return bad


def cycles(mods: dict[str, Module]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    sys.setrecursionlimit(10_000)

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on.add(v)
        for w in mods[v].imports | {t for _, t in mods[v].lazy}:
            if w not in mods:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for name in mods:
        if name not in index:
            visit(name)
    return out


def hidden_imports(mods: dict[str, Module]) -> list[str]:
    return [f"{m.path.relative_to(SRC.parent)}:{line} imports {t} inside a function"
            for m in mods.values() for line, t in m.lazy if not ALLOWED_LAZY.match(m.name)]


def stray_caches(mods: dict[str, Module]) -> list[str]:
    return [f"{m.path.relative_to(SRC.parent)}:{line} keeps {name} between calls"
            for m in mods.values()
            if m.name not in CACHE_HOMES and m.name not in PURE_MEMOS and not m.name.startswith("twoway.generator")
            for line, name in m.caches]


def test_imports_only_go_down() -> None:
    assert upward(load()) == []


def test_no_import_cycles() -> None:
    assert cycles(load()) == []


def test_no_imports_hidden_in_functions() -> None:
    assert hidden_imports(load()) == []


def test_derived_data_is_cached_in_one_place() -> None:
    assert stray_caches(load()) == []


def test_no_module_is_too_long() -> None:
    mods = load()
    assert [f"{m.name}: {m.lines}" for m in mods.values() if m.lines > MAX_LINES] == []
    assert statistics.median(m.lines for m in mods.values()) < 150


def test_layer_check_catches_an_upward_import() -> None:
    mods = {"twoway.store": Module("twoway.store", SRC, 1, {"twoway.states"}),
            "twoway.states": Module("twoway.states", SRC, 1, {"twoway.store"})}
    assert upward(mods) == ["twoway.store imports twoway.states, a higher layer"]
    assert cycles(mods) == [["twoway.states", "twoway.store"]]


def main() -> None:
    mods = load()
    core = {k: v for k, v in mods.items() if not k.startswith("twoway.generator")}
    lines = [m.lines for m in mods.values()]
    try:
        up = upward(mods)
    except AssertionError as e:
        up = [str(e)]
    print(f"modules {len(mods)}; lines {sum(lines)} (median {statistics.median(lines):.0f}, max {max(lines)})")
    print(f"over {MAX_LINES} lines: {sum(1 for n in lines if n > MAX_LINES)}")
    print(f"cycles {len(cycles(mods))} ({sum(len(c) for c in cycles(mods))} modules)")
    print(f"upward imports {len(up)}")
    print(f"function-level imports {len(hidden_imports(mods))} (core), {sum(len(m.lazy) for m in mods.values())} all")
    print(f"module-level caches outside the history cache {len(stray_caches(core))}")
    if "-v" in sys.argv:
        for line in cycles(mods):
            print("cycle:", " ".join(line))
        print(*up, *hidden_imports(mods), *stray_caches(core), sep="\n")


if __name__ == "__main__":
    main()
