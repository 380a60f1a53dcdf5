"""Composition of CAMEO codes by frame verbs, following the CAMEO codebook's own structure.

A frame verb (pledge, urge, demand, refuse, threaten) over an embedded event gives the codebook's
composite code: "pledged to provide aid" is 033 (express intent to provide material aid), "urged ... to
hold talks" 026, "demanded the release" 1053, "refused to ease sanctions" 1244, "threatened sanctions" 1312.
"""

from __future__ import annotations

# embedded code prefix -> composite code, per frame; the longest matching prefix wins
_INTENT = {
    "04": "036", "045": "039", "046": "036", "05": "032", "057": "030", "06": "031", "061": "0311",
    "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333",
    "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354",
    "086": "0355", "087": "0356",
}
_APPEAL = {
    "04": "026", "045": "028", "05": "022", "06": "021", "061": "0211", "062": "0212", "063": "0213",
    "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234", "08": "025",
    "081": "0251", "082": "0252", "083": "024", "084": "0253", "085": "0254", "086": "0255", "087": "0256",
    "09": "020",
}
_DEMAND = {
    "04": "106", "045": "108", "05": "102", "06": "101", "061": "1011", "062": "1012", "063": "1013",
    "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034", "08": "105",
    "081": "1051", "082": "1052", "083": "104", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
    "09": "101",
}
_REJECT = {
    "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212",
    "063": "1213", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "08": "124",
    "081": "1241", "082": "1242", "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
    "02": "120", "10": "120", "03": "120",
}
_THREATEN = {
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "130", "172": "132", "1722": "1322", "1723": "1323", "1724": "1324", "175": "137",
    "14": "133", "15": "138", "18": "1383", "19": "1384", "190": "138", "191": "1381", "192": "1382",
    "20": "1385", "12": "130", "11": "130", "13": "130",
}
TABLES = {"intent": _INTENT, "appeal": _APPEAL, "demand": _DEMAND, "reject": _REJECT, "threaten": _THREATEN}
DEFAULTS = {"appeal": "020", "demand": "100", "reject": "120", "threaten": "130", "intent": "030"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}


def compose(frame: str, embedded: str) -> str | None:
    """The composite code of `frame` over the embedded code, or None where the codebook has none.

    An intent frame over a violent or coercive act ("vowed to strike") or over an accusation ("vowed to hold
    Iran accountable") is a threat.
    """
    if frame == "intent" and (embedded[:2] in CONFLICT_ROOTS or embedded[:2] == "11"):
        frame = "threaten"
    table = TABLES.get(frame)
    if table is None:
        return None
    for n in (4, 3, 2):
        code = table.get(embedded[:n])
        if code is not None:
            return code
    return DEFAULTS.get(frame)
