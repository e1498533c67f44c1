"""The red-team suite's attacks, as data (see make_attacks.py). Kinds, as in issue 9:
binding (tests bind to the student's names), allow-list (what graded code may call), sandbox (the worker's
rights), parent (the grader trusts its input), outputs (reports carry the student's payload)."""

HONEST = ["honest-ann", "honest-zoe"]

STUB_ADOPTED = '''static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year)
{
    // YOUR CODE HERE
    throw new NotImplementedException();
}'''

# Answers that compute nothing: with a fake Check they would pass every visible and hidden check.
ADOPTED_TRUE = "static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => true;"
EMPTY_ANSWERS = {
    "top-vetoer-answer": "static PermanentMember TopVetoer(int decade) => default;",
    "replay-answer": "static (int StillBlocked, int WouldPass) DoubleVetoReplay(int fromYear, int toYear) => default;",
}

ATTACKS = {
    # ---- binding: tests must see the instructor's world --------------------------------------------------
    "b01-fake-check-class": {
        "kind": "binding",
        "what": "Declares its own static class Check whose That and Equal never throw, so every Check in the tests "
                "(and every hidden check) would call the student's class.",
        "replace": {"adopted-answer": '''static class Check
{
    public static void That(bool condition, string message) { }
    public static void Equal<T>(T expected, T actual, string what) { }
}

''' + ADOPTED_TRUE, **EMPTY_ANSWERS},
    },
    "b02-using-alias-check": {
        "kind": "binding",
        "what": "A using alias makes the name Check mean a class of the student's.",
        "replace": {"adopted-answer": '''using Check = Lenient;

static class Lenient
{
    public static void That(bool condition, string message) { }
    public static void Equal<T>(T expected, T actual, string what) { }
}

''' + ADOPTED_TRUE, **EMPTY_ANSWERS},
    },
    "b03-redeclared-library-enum": {
        "kind": "binding",
        "what": "Re-declares the library's PermanentMember enum with every member equal to 0, so that any answer equals "
                "any expected member.",
        "replace": {"top-vetoer-answer": '''enum PermanentMember { SovietUnion = 0, UnitedStates = 0, Russia = 0, France = 0, China = 0, UnitedKingdom = 0 }

static PermanentMember TopVetoer(int decade) => default;'''},
    },
    "b04-implicit-bool-conversion": {
        "kind": "binding",
        "what": "The answer returns a struct that converts to true and whose ! operator returns itself, so both "
                "Check.That(Adopted(...)) and Check.That(!Adopted(...)) pass.",
        "replace": {"adopted-answer": '''struct Always
{
    public static implicit operator bool(Always a) => true;
    public static Always operator !(Always a) => a;
}

static Always Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => default;'''},
    },
    "b05-equals-always-true": {
        "kind": "binding",
        "what": "The answer returns a type with an implicit conversion from int and from a tuple and an Equals that is "
                "always true, so Check.Equal compares with the student's Equals.",
        "replace": {"replay-answer": '''sealed class Anything
{
    public Anything StillBlocked => this;
    public Anything WouldPass => this;
    public static implicit operator Anything(int value) => new();
    public static implicit operator Anything((int, int) value) => new();
    public override bool Equals(object? other) => true;
    public override int GetHashCode() => 0;
}

static Anything DoubleVetoReplay(int fromYear, int toYear) => new();'''},
    },
    "b06-operator-not-equal": {
        "kind": "binding",
        "what": "The answer returns a type whose != is always false, so 'if (VetoesCastBy(x) != 16) throw' never throws.",
        "replace": {"count-answer": '''readonly struct Count
{
    public static bool operator !=(Count a, int b) => false;
    public static bool operator ==(Count a, int b) => true;
    public override bool Equals(object? other) => true;
    public override int GetHashCode() => 0;
}

static Count VetoesCastBy(PermanentMember member) => default;'''},
    },
    "b07-shadowed-instructor-variable": {
        "kind": "binding",
        "what": "Re-declares the locked cell's variable resolution678 so that the visible test reads the student's "
                "value instead of the instructor's.",
        "replace": {"adopted-answer": '''var resolution678 = new VoteTally(0, 0, 0);

static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => tally.Yes == 0 || year == 1960;'''},
    },
    "b08-redeclared-library-record": {
        "kind": "binding",
        "what": "Declares its own VoteTally record, so the tests construct the student's type and call its members.",
        "replace": {"adopted-answer": '''record VoteTally(int Yes, int No, int Abstain)
{
    public bool Passes => true;
}

static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => true;'''},
    },
    "b09-signature-differs": {
        "kind": "binding",
        "what": "An answer whose signature differs from the exercise's (a long year): refused for that exercise with "
                "the name and cell, the other exercises still graded.",
        "replace": {"adopted-answer": '''static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, long year)
{
    var needed = year <= 1965 ? 7 : 9;
    return tally.Yes >= needed && !permanentMemberVotedNo;
}'''},
    },
    "b10-fake-check-in-added-cell": {
        "kind": "binding",
        "what": "The fake assertion class sits in a cell the student added after the setup cell, not in an answer cell.",
        "add_after": {"setup": ['''static class Check
{
    public static void That(bool condition, string message) { }
    public static void Equal<T>(T expected, T actual, string what) { }
}''']},
        "replace": {"adopted-answer": ADOPTED_TRUE, **EMPTY_ANSWERS},
    },
    "b11-wider-parameter-overload": {
        "kind": "binding",
        "what": "Declares TopVetoer with a long parameter (the test's int converts to it) returning a constant: the "
                "signature is not the exercise's, so the test is refused rather than run against it.",
        "replace": {"top-vetoer-answer": '''static class Fake
{
    public static PermanentMember TopVetoer(int decade) => PermanentMember.SovietUnion;
}

static PermanentMember TopVetoer(long decade) => PermanentMember.SovietUnion;'''},
    },
}
