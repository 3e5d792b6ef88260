"""A punktum glued to the one before by a slip of the source ("… der er nævnt i stk. 2.Anmodning om at brevstemme …",
LBK 105/2011 § 60, stk. 4) counts as a punktum of its own, as the drafters count it: LOV 1252/2012 § 5, nr. 12 inserts
"efter 2. pkt." after "Anmodning … valgdagen." (LBK 127/2013 § 60, stk. 4). Writing the unit's punktummer again
joins them with one space, which puts a space where the source had none: said (PKT_SPACE_PUT)."""

from __future__ import annotations

from lovkons.amender.punktum import insert_pkt
from lovkons.amender.resolve import Target
from lovkons.model.document import Document, Kind, Meta, Node

TEXT = ("Vælgere, der på grund af sygdom eller manglende førlighed ikke vil kunne møde frem på afstemningsstedet, kan "
        "brevstemme i hjemmet, medmindre de har mulighed for at stemme i en af de institutioner, boformer m.v., der er "
        "nævnt i stk. 2.Anmodning om at brevstemme i hjemmet skal indgives senest kl. 18 torsdagen 12 dage før "
        "valgdagen. Anmodningen skal indgives til folkeregistret i opholdskommunen. Anmodning kan tidligst indgives "
        "tirsdagen 4 uger før valgdagen.")
NEW = ("Kommunalbestyrelsen kan fastsætte en senere frist for indgivelsen af anmodningen om at brevstemme i hjemmet, "
       "dog senest lørdagen før valgdagen.")


def _doc() -> Document:
    stk = Node(Kind.STK, label="4", text=TEXT, id="p60-s4")
    return Document(meta=Meta(kind="LBK"), children=(Node(Kind.PARAGRAF, label="60", children=(stk,), id="p60"),))


def test_a_new_punktum_after_the_glued_2_pkt() -> None:
    out = insert_pkt(_doc(), Target("pkt", (0, 0), pkt=2), "after", NEW, None)
    text = out.doc.children[0].children[0].text
    assert "stk. 2. Anmodning om at brevstemme i hjemmet skal indgives senest kl. 18 torsdagen 12 dage før valgdagen. " \
        "Kommunalbestyrelsen kan fastsætte en senere frist" in text
    assert [code for code, _ in out.warnings] == ["PKT_SPACE_PUT"]
