"""The packages of src/ import each other along one direction and only through
what they make public: no import circle between modules (counting the imports
made inside functions, the usual way to hide one), and no module of a package
importing another package's private module or name (``_name``; the message
factory ``_`` is public).  Read from the source with ``ast``, as the purity tests
read the modules a core imports: milliseconds, no Zope."""

import ast
import functools
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "rt.infodoc"


def _modules():
    """{dotted name: (path, is a package)} of every module under src/rt/infodoc."""
    modules = {}
    for path in sorted((SRC / "rt" / "infodoc").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return modules


MODULES = _modules()


@functools.cache
def _imports(name):
    """(module imported, name imported or None) for each import of ``name``."""
    return list(_read_imports(name, *MODULES[name]))


def _read_imports(name, path, is_package):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                yield (submodule, None) if submodule in MODULES else (target, alias.name)


def _known(target):
    while target not in MODULES and "." in target:
        target = target.rsplit(".", 1)[0]
    return target if target in MODULES else None


def _package(module):
    """The top-level package of rt.infodoc a module belongs to ("" for the root)."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else ""


def _graph():
    graph = {}
    for name in MODULES:
        for target, _imported in _imports(name):
            if target.startswith(ROOT):
                known = _known(target)
                if known and known != name:
                    graph.setdefault(name, set()).add(known)
    return graph


def _cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(set(graph).union(*graph.values())):
        if node not in index:
            visit(node)
    return found


def test_the_walk_sees_every_package_and_their_imports():
    graph = _graph()
    assert {"importer", "search", "oaiprovider", "harvesting", "marc"} <= {
        _package(m) for m in MODULES
    }
    # what the walk must see: a relative import, one inside a function, one by package
    assert "rt.infodoc.importer.runner" in graph["rt.infodoc.importer.jobs"]
    assert "rt.infodoc.importer.interfaces" in graph["rt.infodoc.search.bulk.subscribers"]
    assert (
        "rt.infodoc.oaiprovider.engine.datestamps" in graph["rt.infodoc.harvesting.core.harvester"]
    )
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle_in_src():
    cycles = _cycles(_graph())
    assert not cycles, "modules importing each other (directly or not): " + "; ".join(
        " <-> ".join(cycle) for cycle in cycles
    )


def test_no_package_imports_another_packages_private_modules():
    private = []
    for name in MODULES:
        for target, imported in _imports(name):
            if not target.startswith(ROOT) or _package(target) == _package(name):
                continue
            hidden = [part for part in target.split(".") if part.startswith("_")]
            if hidden or (imported and imported.startswith("_") and imported != "_"):
                private.append(f"{name} -> {target}{f'.{imported}' if imported else ''}")
    assert not private, "private names of another package (make them public): " + "; ".join(private)
