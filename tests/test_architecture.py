"""The packages of `campaign/` depend one way: shared helpers ← the core ← features ←
combiners ← faces ← the app's wiring, and no two packages depend on each other in a loop.

Every import counts, also one inside a function, except those under `if TYPE_CHECKING:`
(models may name a model of a higher layer for the type checker only).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

CAMPAIGN = Path(__file__).resolve().parents[1] / "campaign"

LAYERS = [
    (
        "shared",
        {
            "acting",
            "assets",
            "cache",
            "concurrency",
            "config",
            "dates",
            "dbtypes",
            "errors",
            "extensions",
            "formatting",
            "forms",
            "mailer",
            "paging",
            "security",
            "urls",
        },
    ),
    ("core", {"gemeenten"}),
    ("feature", {"accounts", "audit", "documents", "kaart", "moties", "outreach"}),
    (
        "combiner",
        {
            "backup",
            "digest",
            "discovery",
            "mail",
            "register",
            "reports",
            "seeding",
            "transfer",
            "versions",
        },
    ),
    ("face", {"api", "dashboard", "health", "publiek", "workspace"}),
    ("app", {"__init__", "cli", "models"}),
]
LEVEL = {unit: level for level, (_, units) in enumerate(LAYERS) for unit in units}
LAYER_NAME = {unit: name for name, units in LAYERS for unit in units}


@dataclass(frozen=True)
class Import:
    source: Path
    line: int
    importer: str
    imported: str
    module: str


def unit_of(path: Path) -> str:
    """The package (or shared module) a file belongs to: `gemeenten`, `forms`, `__init__`."""
    relative = path.relative_to(CAMPAIGN)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if _is_type_checking_block(node):
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "campaign":
                found.extend((node.lineno, f"campaign.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, node.module))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def campaign_imports() -> list[Import]:
    imports = []
    for path in sorted(CAMPAIGN.rglob("*.py")):
        importer = unit_of(path)
        for line, module in _imported_modules(ast.parse(path.read_text(), str(path))):
            parts = module.split(".")
            if parts[0] != "campaign" or len(parts) < 2:
                continue
            imported = parts[1]
            if imported != importer:
                imports.append(Import(path, line, importer, imported, module))
    return imports


def describe(found: Import) -> str:
    where = found.source.relative_to(CAMPAIGN.parent)
    return (
        f"{where}:{found.line} imports {found.module} "
        f"({LAYER_NAME.get(found.importer, '?')} {found.importer} -> "
        f"{LAYER_NAME.get(found.imported, '?')} {found.imported})"
    )


def test_every_package_has_a_layer():
    units = {unit_of(path) for path in CAMPAIGN.rglob("*.py")}
    assert units - set(LEVEL) == set(), "add new packages to LAYERS in this test"


def test_no_import_runs_against_the_order():
    against = [
        describe(found)
        for found in campaign_imports()
        if LEVEL.get(found.imported, 99) > LEVEL.get(found.importer, -1)
    ]
    assert not against, "imports against the order of layers:\n" + "\n".join(against)


def test_no_two_packages_depend_on_each_other_in_a_loop():
    edges: dict[str, dict[str, Import]] = {}
    for found in campaign_imports():
        edges.setdefault(found.importer, {}).setdefault(found.imported, found)

    def path_back(start: str, goal: str, seen: set[str]) -> list[Import] | None:
        for target, found in edges.get(start, {}).items():
            if target == goal:
                return [found]
            if target not in seen:
                seen.add(target)
                rest = path_back(target, goal, seen)
                if rest is not None:
                    return [found, *rest]
        return None

    loops = []
    for unit in sorted(edges):
        loop = path_back(unit, unit, {unit})
        if loop is not None:
            loops.append(" then ".join(describe(found) for found in loop))
    assert not loops, "packages that depend on each other in a loop:\n" + "\n".join(loops)
