"""Trigger words: the word forms that express each relation of the inventory.

Plain data (sets of lower-cased forms, built with :func:`forms`), shared by the
relation rules. A word may trigger several relations ("built" makes, fabricates and deploys); the rules
decide from the classes of the mentions around it.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH


def forms(*stems: str) -> frozenset[str]:
    """Word forms of verbs/nouns given as ``"stem|form|form"`` strings (lower case)."""
    out = set()
    for stem in stems:
        out.update(stem.split("|"))
    return frozenset(out)


PRE_TRAIN = forms("pre-train|pre-trained|pre-training|pre-trains|pretrain|pretrained|pretraining|pretrains")


POST_TRAIN = forms("post-train|post-trained|post-training|post-trains|posttrained|posttraining|"
                   "fine-tuned|fine-tuning|finetuned|finetuning|post-tuned|post-tuning")


TRAIN = forms("train|trained|training|trains")


RUN = forms("run|runs|ran|running|serve|served|serves|serving|deploy|deployed|deploys|deploying|"
            "support|supports|supported|supporting|host|hosted|hosts|hosting|optimized|optimised|"
            "adapted|adaptation|compatible|inference|fit|fits|fitting|offer|offers|offered|offering|enabled")


#: "X works on Qualcomm hardware": runsOn too, but kept out of RUN (the learned reading's trigger feature).
WORK = forms("work|works|worked|working")

#: The verbs of RUN whose subject runs a model itself ("Perplexity serves Mixtral on Cerebras systems").
SERVING = forms("run|runs|ran|running|serve|serves|served|serving|host|hosts|hosted|hosting")


USE_HW = forms("use|uses|used|using|buy|buys|bought|buying|purchase|purchased|purchases|order|ordered|"
               "orders|operate|operates|operated|operating|rent|rents|rented|lease|leased|leases|rely|"
               "relies|relied|relying|acquire|acquired|acquires|stockpile|stockpiled|installed|deployed|"
               "deploys|deploy|deploying|customer|customers|buyer|buyers|user|users|tap|taps|tapped|procure|"
               "procured|procures|runs|run|ran|running|built|build|builds|powered|powers|evaluating|"
               "install|installs|installing|evaluates|testing|tests|adopted|adopts|adopt|assembled|assembles|assemble|assembling|"
               "offer|offers|offered|offering|serve|serves|served|serving|bring|brings|brought|bringing|"
               "chose|chosen|choose|chooses|picked|pick|picks|selected|select|selects")
#: The verbs of USE_HW that choose a supplier: "LLNL picked AMD for El Capitan" uses AMD's hardware; "picked
#: Broadcom to co-design the TPU" makes a partner and "chose to compare X with Y" chooses nothing (see
#: ``relations._trigger_rules``).
CHOOSE = forms("chose|chosen|choose|chooses|picked|pick|picks|selected|select|selects")


FAB = forms("fabbed|fab|fabs|fabricated|fabricate|fabricates|fabricating|fabrication|manufactured|"
            "manufacture|manufactures|manufacturing|made|make|makes|making|produced|produce|produces|"
            "producing|production|built|build|builds|building|node|nodes|process|die|dies|foundry|"
            "taped|tapes|tape-out|wafers|wafer|rely|relies|relied|relying|depend|depends|depended|depending")


DESIGN = forms("designed|designs|design|designer|designing|developed|develops|develop|developer|made|"
               "maker|sells|sold|sell|from|behind|builds|built|co-designed|co-designs|co-design|co-designing|"
               "co-developed|co-develops|co-develop|co-developing")


DEVELOP = forms("developed|develops|develop|developer|developers|developing|built|builds|build|created|"
                "creates|create|trained|trains|released|releases|release|launched|launches|launch|"
                "open-sourced|unveiled|unveils|introduced|introduces|published|publishes|announced|"
                "announces|behind|from|maker|makers|debuted|shipped|ships|co-developed|co-develops|co-develop|"
                "co-developing|co-created|co-creates|co-built|co-builds")


MEM_USE = forms("with|uses|use|used|using|features|feature|featuring|featured|carries|carry|carrying|"
                "pairs|paired|pairing|packs|packed|integrates|integrated|integrating|equipped|packaging|"
                "packages|packaged|co-packaged|sports|offers|includes|include|including|has|have|had|"
                "boasts|memory|stacks|stacked|in|into|on|adopts|adopted|adopt|relies|rely|on|keeps|kept|retains|"
                "retained|carried|sported|boasted|relied|included|move|moves|moved|moving|switch|switches|"
                "switched|switching")


RELEASE = forms("released|releases|release|releasing|launched|launches|launch|launching|shipped|ships|ship|"
                "shipping|open-sourced|open-sources|open-source|debuted|debut|debuts|available|arrive|"
                "arrives|arrived|rolled|rolling|roll|rolls|rollout|slated|scheduled|due|expected|published|unveiled|unveils|"
                "unveil|unveiling|introduced|introduces|previewed|previews|announced|announces|debuting|planned|appeared|sale|"
                "targeted|track|pencilled|penciled|reach|reaches|reaching|reached|public|availability|shipments|"
                "service|inaugurated|inaugurates|inaugurate|inaugurating")


COMPARE = forms("competitive|comparable|comparably|similar|times|twice|double|triple|close|"
                "than|compete|competes|competing|compared|compare|compares|comparing|comparison|rival|rivals|"
                "rivaling|rivalling|outperform|outperforms|outperformed|beat|beats|beating|match|"
                "matches|matched|matching|trails|trail|trailed|eclipsed|eclipses|eclipse|par|parity|over|"
                "performance|percent|half|fraction|behind|against|versus|surpasses|surpassed|exceeds|"
                "exceeded|edges|lags|lagging|ahead|third|quarter|tenth|fifth|outscored|outscores|outscore|"
                "outpaced|outpaces|outpace|outclassed|outclasses|bested|bests|well|outruns|outrun|outran|"
                "outdoes|outdid|outdo|overtakes|overtook|overtake|leapfrogs|leapfrogged|leapfrog|doubles|doubled|"
                "triples|tripled|quadruples|quadrupled|bracket|league|level|closer|alternative|alternatives|above")


SUCCESSOR = forms("successor|successors|predecessors|succeeds|succeeded|succeed|replaces|replaced|replacing|replace|first|last|"
                  "follow-up|follows|followed|follow|upgrade|predecessor|before|previous|prior|"
                  "previous-generation|previous-gen|last-gen|last-generation|older|newer|first-generation|"
                  "first-gen|original|took|takes|take|taking|taken|after|preceded|precedes|precede")


VARIANT = forms("variant|variants|version|versions|member|members|flavor|flavour|edition|editions|refresh|"
                "flagship|part|sibling|derivative|iteration|derived|based|distilled|fine-tuned|finetuned|"
                "generation|addition|additions|belongs|belong|belonged|belonging|tune|tunes|finetune")

#: Participles that make a model or chip a variant of another when followed by "from"/"on" and a name of
#: the same class ("built on DeepSeek-V3", "based on the CDNA 4 architecture", "distilled from R1"; "developed"
#: only "on top of" one).
DERIVING = forms("derived|based|built|distilled|fine-tuned|finetuned|developed")


LICENSE_WORDS = forms("under|licensed|license|licence|licenses|released|covers|covered|cover|governs|"
                      "governed|uses|use|used|ships|distributed|carries|carried|carry|comes|come|terms|published|"
                      "downloaded|available|offered|shared")


MEMORY_SUPPLY = forms("supplier|suppliers|supplies|supplied|supply|supplying|provider|providers|"
                      "provides|provided|provide|providing|vendor|maker|makes|made|by|from|sourced|"
                      "sources|source")


COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})

#: Verbs that tell a release with their companions (see :func:`ingest.extractors.releases.phrasal_release`):
#: "began delivering the B200 to customers", "X came out", "In June came X", "put out", "went live", "opened
#: Grok to subscribers", "posted the weights to Hugging Face", "switched on Apple Intelligence", "added X".
DELIVERING = forms("delivering|delivered|deliver|delivers")
COMING = forms("came|come|comes|coming")
PUTTING = forms("put|puts|putting|brought|brings|bring|bringing")  # (with "out": "put out", "brought out")
GOING = forms("went|goes|go|going")
OPENING = forms("opened|opens|open|opening")
POSTING = forms("posted|posts|post|uploaded|uploads|upload")
SELLING = forms("selling|sell")  # ("began selling Jetson Thor on Monday": a release that starts)
ADDING = forms("added|adds")  # ("In March Alibaba added Qwen2.5-Omni-7B": a lab's new model)
SWITCHING = forms("switched|switches|switch|turned|turns|turn")

#: Verbs that call a product off: a cancelled chip never ships or succeeds anything ("Intel cancelled Rialto
#: Bridge"), and a release plan they are coordinated with did not hold.
CANCELLING = forms("cancelled|canceled|cancels|cancel|scrapped|scraps|shelved|shelves|abandoned|abandons|killed|"
                   "kills|axed|axes|discontinued")


#: Owning a machine is using it ("the system is owned by EuroHPC"); owning a company is not (chips only).
OWN_HW = forms("own|owns|owned")

#: Nouns for another thing made from (or set beside) the one after "of": "the March update of V3".
ANOTHER_OF = frozenset({"update", "updates", "version", "versions", "successor", "successors", "variant", "variants",
                        "derivative", "derivatives", "fine-tune", "fine-tunes", "descendant", "descendants",
                        "predecessor", "predecessors", "copy", "copies", "clone", "clones", "edition", "editions",
                        "iteration", "iterations", "upgrade", "upgrades", "revision", "revisions", "distillation",
                        "distillations", "rival", "rivals", "competitor", "competitors", "alternative",
                        "alternatives", "refresh", "rework"})


#: Verbs of putting money into a round ("A invested", "B led the round", "with C joining").
INVEST_VERBS = forms("invested|invests|invest|investing|participated|participates|participate|"
                     "participating|committed|commits|commit|backed|backs|back|funded|funds|fund|led|"
                     "leads|lead|co-led|joined|joins|join|joining|poured|pours|contributed|contributes|"
                     "injected|injects|put|puts|wrote|anchored|anchors")

#: Numbers spelled out, as counts ("two members", "three months later").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}

#: Nouns of a figure a name may own without being what a clause is about ("about eleven times V3's total",
#: "four times Trillium's figure").
FIGURE_NOUNS = frozenset({"total", "totals", "count", "tally", "sum", "figure", "figures", "number", "share",
                          "amount", "cost", "costs", "budget", "bill", "price", "revenue", "sales", "valuation"})

ALL_TRIGGERS = (PRE_TRAIN | POST_TRAIN | TRAIN | RUN | WORK | USE_HW | OWN_HW | FAB | DESIGN | DEVELOP | MEM_USE
                 | LICENSE_WORDS | RELEASE | COMPARE | SUCCESSOR | VARIANT
                 | DELIVERING | COMING | PUTTING | GOING | OPENING | POSTING | SWITCHING | ADDING | SELLING
                 | forms("entered|enters|began|begins|started|starts|reached")
                 | forms("as"))  # ("as fast as X": a comparison, read apart from COMPARE's words)


#: "went into service", "entered service": the verbs of a system or product put into service.
ENTERING = forms("went|go|goes|going|gone|entered|enters|enter|entering|came|put|placed")
#: The forms of "take": "took delivery of", "took part in".
TAKING = forms("take|takes|took|taken|taking")
#: Words that make a party only a candidate: "as possible investors", "as a potential customer".
TENTATIVE = frozenset({"potential", "possible", "prospective", "likely"})


#: The forms of "make" that open a small clause: "made Phi-3 available through Azure".
MAKE = forms("make|makes|made|making")

MAKING_VERBS = forms("designed|designs|design|developed|develops|develop|built|builds|build|created|creates|"
                      "create|made|makes|make")


#: Capitalised tier words that name a member of a model or chip line after its name: "Gemini 2.0 Pro",
#: "ERNIE 4.5 Turbo", "Qwen2.5 Coder", "M2 Ultra", "Claude 3 Opus".
TIERS = frozenset({"Pro", "Flash", "Ultra", "Turbo", "Mini", "Max", "Lite", "Nano", "Plus", "Air", "Instruct",
                   "Base", "Chat", "Coder", "Vision", "Thinking", "Reasoner", "Reasoning", "Omni", "Sonnet", "Opus", "Haiku",
                   "Scout", "Maverick", "Behemoth", "Large", "Medium", "Small", "Preview", "Exp", "Flash-Lite"})


#: Nouns that call a named thing a computer built from chips ("Frontier, the system at Oak Ridge").
SYSTEM_NOUNS = frozenset({"system", "supercomputer", "supercluster", "machine", "computer", "cluster", "installation"})


def doc_text(doc) -> str:
    """The text of a spaCy ``Doc``, joined once per doc (``doc.text`` joins its tokens on every call)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def _strings_of(doc, attr) -> list[str]:
    """One string attribute of every token, read from spaCy's array (no token objects built)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(attr).tolist()] if len(doc) else []


def token_texts(doc) -> list[str]:
    """Every token's text (of a spaCy ``Doc``), worked out once per doc."""
    texts = doc.user_data.get("kg_texts")
    if texts is None or len(texts) != len(doc):
        texts = doc.user_data["kg_texts"] = _strings_of(doc, ORTH)
    return texts


def lowered_forms(doc) -> list[str]:
    """Every token's lower-case form (of a spaCy ``Doc``), worked out once per doc."""
    lowers = doc.user_data.get("kg_lowers")
    if lowers is None or len(lowers) != len(doc):
        lowers = doc.user_data["kg_lowers"] = _strings_of(doc, LOWER)
    return lowers
