// SPDX-License-Identifier: MIT
// The set automaton in three parts: the patterns read into trees (regex_tree.hpp); the
// trees compiled to a byte NFA in which the assertions (\b, ^, $) are nodes
// of their own; and a DFA over the NFA's sets of nodes, built lazily in a cache per thread,
// as RE2 builds its own (re2/dfa.cc), but without the lock its shared cache needs.
#include "annotate/set_automaton.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "annotate/regex_tree.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

namespace {

constexpr std::size_t kMaxNodes = 200000;       // NFA nodes of one set
constexpr std::size_t kCacheBudget = 4u << 20;  // bytes of DFA states a thread keeps per set
constexpr std::size_t kCachedSets = 8;          // sets whose DFA states a thread keeps
constexpr std::size_t kClearsPerText = 2;       // a match call gives up when it empties the cache this often


// ---- The NFA ------------------------------------------------------------------------

// A set of bytes, a bit each.
using ByteSet = std::array<std::uint64_t, 4>;

bool contains(const ByteSet& set, unsigned char byte) { return ((set[byte >> 6] >> (byte & 63)) & 1u) != 0; }

void insert(ByteSet* set, unsigned char lo, unsigned char hi) {
  for (unsigned b = lo; b <= hi; ++b) (*set)[b >> 6] |= std::uint64_t{1} << (b & 63);
}

struct Node {
  enum class Op : std::uint8_t { kBytes, kSplit, kEmpty, kAssert, kMatch };
  Op op = Op::kEmpty;
  std::uint32_t bytes = 0;                         // kBytes: the index of the ByteSet it reads
  Assertion assertion = Assertion::kWordBoundary;  // kAssert
  std::uint32_t out = 0;                           // the next node (kBytes, kSplit, kEmpty, kAssert)
  std::uint32_t out1 = 0;                          // kSplit's other next node
  std::uint32_t pattern = 0;                       // kMatch
};

// The code points of [lo, hi] as sequences of byte ranges, one per run of UTF-8
// encodings that differ only in their last bytes (as in RE2's compiler and Rust's
// utf8-ranges). Surrogates, which valid UTF-8 never holds, are left out.
void utf8_sequences(char32_t lo, char32_t hi, std::vector<std::vector<std::pair<unsigned char, unsigned char>>>* out) {
  if (lo > hi) return;
  if (lo <= 0xDFFF && hi >= 0xD800) {
    if (lo < 0xD800) utf8_sequences(lo, 0xD7FF, out);
    if (hi > 0xDFFF) utf8_sequences(0xE000, hi, out);
    return;
  }
  for (const char32_t last : {char32_t{0x7F}, char32_t{0x7FF}, char32_t{0xFFFF}}) {
    if (lo <= last && hi > last) {
      utf8_sequences(lo, last, out);
      utf8_sequences(last + 1, hi, out);
      return;
    }
  }
  if (hi <= 0x7F) {
    out->push_back({{static_cast<unsigned char>(lo), static_cast<unsigned char>(hi)}});
    return;
  }
  for (int i = 1; i < 4; ++i) {
    const char32_t mask = (char32_t{1} << (6 * i)) - 1;
    if ((lo & ~mask) != (hi & ~mask)) {
      if ((lo & mask) != 0) {
        utf8_sequences(lo, lo | mask, out);
        utf8_sequences((lo | mask) + 1, hi, out);
        return;
      }
      if ((hi & mask) != mask) {
        utf8_sequences(lo, (hi & ~mask) - 1, out);
        utf8_sequences(hi & ~mask, hi, out);
        return;
      }
    }
  }
  auto encode = [](char32_t c, unsigned char* bytes) {
    if (c < 0x800) {
      bytes[0] = static_cast<unsigned char>(0xC0 | (c >> 6));
      bytes[1] = static_cast<unsigned char>(0x80 | (c & 0x3F));
      return 2;
    }
    if (c < 0x10000) {
      bytes[0] = static_cast<unsigned char>(0xE0 | (c >> 12));
      bytes[1] = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
      bytes[2] = static_cast<unsigned char>(0x80 | (c & 0x3F));
      return 3;
    }
    bytes[0] = static_cast<unsigned char>(0xF0 | (c >> 18));
    bytes[1] = static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F));
    bytes[2] = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
    bytes[3] = static_cast<unsigned char>(0x80 | (c & 0x3F));
    return 4;
  };
  unsigned char low[4];
  unsigned char high[4];
  const int length = encode(lo, low);
  encode(hi, high);
  std::vector<std::pair<unsigned char, unsigned char>> sequence;
  for (int k = 0; k < length; ++k) sequence.emplace_back(low[k], high[k]);
  out->push_back(std::move(sequence));
}

// Thompson's construction: a fragment is its first node and the exits still to connect,
// each a node's `out` (slot 0) or `out1` (slot 1).
class NfaBuilder {
 public:
  std::vector<Node> nodes;
  std::vector<ByteSet> byte_sets;  // each once

  struct Fragment {
    std::uint32_t start;
    std::vector<std::uint32_t> exits;  // node * 2 + slot
  };

  Fragment compile(Ast& ast) {
    switch (ast.kind) {
      case Ast::Kind::kEmpty:
        return empty();
      case Ast::Kind::kAssert: {
        Node node;
        node.op = Node::Op::kAssert;
        node.assertion = ast.assertion;
        const std::uint32_t n = add(node);
        return {n, {n * 2}};
      }
      case Ast::Kind::kClass:
        return byte_class(ast.set);
      case Ast::Kind::kConcat: {
        if (ast.subs.empty()) return empty();
        Fragment whole = compile(ast.subs[0]);
        for (std::size_t i = 1; i < ast.subs.size(); ++i) whole = then(std::move(whole), compile(ast.subs[i]));
        return whole;
      }
      case Ast::Kind::kAlternate: {
        Fragment rest = compile(ast.subs.back());
        for (std::size_t i = ast.subs.size() - 1; i-- > 0;) rest = either(compile(ast.subs[i]), std::move(rest));
        return rest;
      }
      case Ast::Kind::kRepeat:
        return repeat(ast);
    }
    throw Unsupported{};
  }

  void connect(const std::vector<std::uint32_t>& exits, std::uint32_t target) {
    for (const std::uint32_t exit : exits) {
      Node& node = nodes[exit / 2];
      (exit % 2 == 0 ? node.out : node.out1) = target;
    }
  }

  std::uint32_t add(const Node& node) {
    if (nodes.size() >= kMaxNodes) throw Unsupported{};
    nodes.push_back(node);
    return static_cast<std::uint32_t>(nodes.size() - 1);
  }

 private:
  Fragment empty() {
    const std::uint32_t n = add(Node{});
    return {n, {n * 2}};
  }
  Fragment then(Fragment first, Fragment second) {
    connect(first.exits, second.start);
    return {first.start, std::move(second.exits)};
  }
  Fragment either(Fragment first, Fragment second) {
    Node split;
    split.op = Node::Op::kSplit;
    split.out = first.start;
    split.out1 = second.start;
    Fragment out{add(split), std::move(first.exits)};
    out.exits.insert(out.exits.end(), second.exits.begin(), second.exits.end());
    return out;
  }
  Fragment optional(Fragment inner) {
    Node split;
    split.op = Node::Op::kSplit;
    split.out = inner.start;
    const std::uint32_t n = add(split);
    inner.exits.push_back(n * 2 + 1);
    return {n, std::move(inner.exits)};
  }
  // Zero or more times: a split that enters the fragment or leaves, and the fragment
  // returns to the split.
  Fragment star(Fragment inner) {
    Node split;
    split.op = Node::Op::kSplit;
    split.out = inner.start;
    const std::uint32_t n = add(split);
    connect(inner.exits, n);
    return {n, {n * 2 + 1}};
  }

  Fragment repeat(Ast& ast) {
    Ast& sub = ast.subs[0];
    std::vector<Fragment> parts;
    for (int i = 0; i < ast.min; ++i) parts.push_back(compile(sub));
    if (ast.max < 0) {
      if (parts.empty()) return star(compile(sub));
      // x{n,}: the last copy may repeat.
      Fragment last = std::move(parts.back());
      Node split;
      split.op = Node::Op::kSplit;
      split.out = last.start;
      const std::uint32_t n = add(split);
      connect(last.exits, n);
      parts.back() = Fragment{last.start, {n * 2 + 1}};
    } else if (ast.max > ast.min) {
      // x{n,m}: m - n optional copies, each inside the one before: (x(x)?)?
      Fragment tail = optional(compile(sub));
      for (int i = ast.max - ast.min - 1; i > 0; --i) tail = optional(then(compile(sub), std::move(tail)));
      parts.push_back(std::move(tail));
    }
    if (parts.empty()) return empty();
    Fragment whole = std::move(parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) whole = then(std::move(whole), std::move(parts[i]));
    return whole;
  }

  // A class: one node for its ASCII members (under the i flag, "a" and "A" together), and
  // a chain of nodes for each run of longer UTF-8 sequences.
  Fragment byte_class(CodeSet& set) {
    std::vector<std::vector<std::pair<unsigned char, unsigned char>>> sequences;
    for (const CodeRange range : set.normalize()) utf8_sequences(range.lo, range.hi, &sequences);
    ByteSet ascii{};
    std::vector<Fragment> options;
    for (const auto& sequence : sequences) {
      if (sequence.size() == 1) {
        insert(&ascii, sequence[0].first, sequence[0].second);
        continue;
      }
      Fragment chain{0, {}};
      for (std::size_t k = 0; k < sequence.size(); ++k) {
        ByteSet bytes{};
        insert(&bytes, sequence[k].first, sequence[k].second);
        const std::uint32_t n = reader(bytes);
        if (k == 0) {
          chain.start = n;
        } else {
          connect(chain.exits, n);
        }
        chain.exits = {n * 2};
      }
      options.push_back(std::move(chain));
    }
    if (ascii != ByteSet{} || options.empty()) {
      // (An empty class reads no byte: a node with no exit.)
      const std::uint32_t n = reader(ascii);
      options.insert(options.begin(), Fragment{n, ascii != ByteSet{} ? std::vector<std::uint32_t>{n * 2}
                                                                      : std::vector<std::uint32_t>{}});
    }
    Fragment whole = std::move(options.back());
    for (std::size_t i = options.size() - 1; i-- > 0;) whole = either(std::move(options[i]), std::move(whole));
    return whole;
  }

  // A node that reads a byte of `bytes`.
  std::uint32_t reader(const ByteSet& bytes) {
    auto [found, added] = set_index_.emplace(bytes, static_cast<std::uint32_t>(byte_sets.size()));
    if (added) byte_sets.push_back(bytes);
    Node node;
    node.op = Node::Op::kBytes;
    node.bytes = found->second;
    return add(node);
  }

  std::map<ByteSet, std::uint32_t> set_index_;
};

std::atomic<std::uint64_t> next_program_id{1};

// True when a match is reached from `start` without reading a byte: the pattern may match
// the empty string (where its assertions hold).
bool reaches_match_unread(const std::vector<Node>& nodes, std::uint32_t start) {
  std::vector<bool> seen(nodes.size());
  std::vector<std::uint32_t> stack{start};
  while (!stack.empty()) {
    const std::uint32_t n = stack.back();
    stack.pop_back();
    if (seen[n]) continue;
    seen[n] = true;
    const Node& node = nodes[n];
    switch (node.op) {
      case Node::Op::kMatch:
        return true;
      case Node::Op::kSplit:
        stack.push_back(node.out1);
        stack.push_back(node.out);
        break;
      case Node::Op::kEmpty:
      case Node::Op::kAssert:
        stack.push_back(node.out);
        break;
      case Node::Op::kBytes:
        break;
    }
  }
  return false;
}

}  // namespace

// ---- The program and its DFA --------------------------------------------------------

namespace {

// RE2's verdict on one pattern the automaton widened, compiled when first asked for: a
// pattern with a Unicode property under the i flag takes RE2 milliseconds to compile, and
// a run may never need it.
class Confirmation {
 public:
  Confirmation(std::string pattern, const RE2::Options& options) : pattern_(std::move(pattern)), options_(options) {
    options_.set_log_errors(false);
  }
  bool matches(std::string_view text, RE2::Anchor anchor) const {
    std::call_once(compiled_, [&] { re_ = std::make_unique<const RE2>(pattern_, options_); });
    return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), anchor, nullptr, 0);
  }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<const RE2> re_;
};

}  // namespace

struct SetAutomaton::Program {
  std::vector<Node> nodes;
  std::vector<ByteSet> byte_sets;  // what the nodes read
  std::uint32_t root = 0;
  bool unanchored = true;
  std::size_t patterns = 0;
  std::size_t match_ids = 0;  // the patterns, then the narrow reading of each confirmed one
  std::array<std::uint8_t, 256> byte_class{};
  std::vector<unsigned char> class_byte;  // one byte of each class
  std::vector<std::unique_ptr<Confirmation>> confirm;  // by pattern: RE2 decides, or null
  std::vector<std::uint32_t> narrow_id;  // by pattern with a confirmation: its narrow reading's match id
  std::vector<bool> nullable;            // by pattern: may match the empty string (assertions aside)
  std::uint64_t id = 0;  // names the program in the threads' caches
};

namespace {

using Program = SetAutomaton::Program;

// The DFA states one thread has built for one program. A state is a set of NFA nodes
// (those that read a byte, wait on an assertion or match), whether the byte before was
// a word byte, whether it is the text's start, and the patterns that matched right before
// its last byte; its row holds the next state for each byte class, kUnknown until built.
// A cache holds at most as many states as an entry can name, and kCacheBudget bytes.
class DfaCache {
 public:
  // A row entry is the next state's row divided by eight (rows are padded to a multiple of
  // eight entries), with kMatches set when that state has matches, or one of two values
  // above every row: not built yet, or (matching against the whole text) the state from
  // which no pattern can match any more. Two bytes each, so that the rows of the states a
  // text keeps visiting fit in the processor's first-level cache.
  using Entry = std::uint16_t;
  static constexpr std::uint32_t kUnknown = 0xFFFF;
  static constexpr std::uint32_t kDead = 0xFFFE;
  static constexpr std::uint32_t kMatches = 0x8000;
  static constexpr unsigned kRowShift = 3;
  static constexpr std::uint32_t kDeadRow = 0xFFFFFFFFu;  // special_entry(): no way on

  /// One text's match call: where its matches go. Two may run at once, one in each slot
  /// (SetAutomaton::match_pair).
  struct Call {
    std::vector<int>* hits = nullptr;
    std::vector<std::size_t>* ends = nullptr;  // the search ends, if wanted
    std::vector<std::uint32_t> reported;       // by match id: the call number that last reported it
    std::uint32_t number = 0;
  };

  explicit DfaCache(const Program& program)
      : stride_((program.class_byte.size() + 7) & ~std::size_t{7}),
        max_states_((kDead - 1) / (stride_ >> kRowShift)),
        marks_(program.nodes.size(), 0),
        nullable_(program.nullable) {
    for (Call& call : calls_) call.reported.assign(program.match_ids, 0);
  }

  /// The start state's row offset.
  std::uint32_t start(const Program& program) {
    if (start_ == kDeadRow) {
      Key key;
      key.at_start = true;
      key.kernel = root_kernel(program);
      start_ = intern(program, std::move(key));
    }
    return start_;
  }

  const Entry* table() const { return table_.data(); }

  /// The row entry for state `row` on byte class `cls`, built now. A cache past its
  /// budget is emptied first: the entry is then the only state, and table() has moved.
  std::uint32_t build(const Program& program, std::uint32_t row, std::size_t cls) {
    const State from = states_[row / stride_];
    const unsigned char byte = program.class_byte[cls];
    Key key;
    std::vector<std::uint32_t> readers;
    expand(program, from, is_regex_word_byte(byte), false, &readers, program.unanchored ? &key.matches : nullptr);
    std::vector<std::uint32_t> next;
    for (const std::uint32_t n : readers) {
      const Node& node = program.nodes[n];
      if (contains(program.byte_sets[node.bytes], byte)) next.push_back(node.out);
    }
    if (program.unanchored) {
      // A search may start at every byte: the root's kernel joins every state's.
      std::vector<std::uint32_t> stepped;
      closure(program, next, &stepped);
      const std::vector<std::uint32_t>& roots = root_kernel(program);
      std::set_union(stepped.begin(), stepped.end(), roots.begin(), roots.end(), std::back_inserter(key.kernel));
    } else {
      closure(program, next, &key.kernel);
    }
    key.previous_word = is_regex_word_byte(byte);
    const bool full = bytes_ > kCacheBudget || states_.size() >= max_states_;
    if (full) clear();
    const bool dead = key.kernel.empty();
    const std::uint32_t target = intern(program, std::move(key));
    const std::uint32_t entry = dead && !program.unanchored
                                    ? kDead
                                    : (target >> kRowShift) | (states_[target / stride_].match_count > 0 ? kMatches : 0);
    if (!full) table_[row + cls] = static_cast<Entry>(entry);
    return entry;
  }

  /// What to do with a row entry at or above kMatches: build the state, report its
  /// matches. Returns the next state's row, or kDeadRow. `offset`: where the byte read
  /// lies in the text.
  __attribute__((noinline)) std::uint32_t special_entry(const Program& program, std::uint32_t row, std::size_t cls,
                                                        std::uint32_t entry, std::size_t offset, Call& call) {
    if (entry == kUnknown) entry = build(program, row, cls);
    if (entry == kDead) return kDeadRow;
    const std::uint32_t next = (entry & ~kMatches) << kRowShift;
    matches(next, offset, call);
    return next;
  }

  /// The next state's row after reading a byte of class `cls` in state `row`, whose row
  /// entry is `entry`: the entry itself, or (special_entry) a state built, matches reported.
  std::uint32_t step(const Program& program, std::uint32_t row, std::size_t cls, std::uint32_t entry,
                     std::size_t offset, Call& call) {
    return entry < kMatches ? entry << kRowShift : special_entry(program, row, cls, entry, offset, call);
  }

  /// How many times the cache has been emptied.
  std::size_t clears() const { return clears_; }

  /// Starts a match call in `slot` (0 or 1): each match id is reported once to `hits`
  /// (cleared), and with `ends`, the search end of each pattern (SetAutomaton::match) goes
  /// there.
  Call& begin_call(std::size_t slot, std::vector<int>* hits, std::vector<std::size_t>* ends) {
    Call& call = calls_[slot];
    call.hits = hits;
    call.hits->clear();
    call.ends = ends;
    // Only the entries of the patterns found are written (a sentence finds a few of the
    // screen's sixty-odd): the others are not read.
    if (ends != nullptr && ends->size() != nullable_.size()) ends->resize(nullable_.size());
    if (++call.number == 0) {
      std::fill(call.reported.begin(), call.reported.end(), 0);
      call.number = 1;
    }
    return call;
  }

  /// The patterns that match at the end of the text, in state `row` (worked out once per state).
  void end_matches(const Program& program, std::uint32_t row, std::size_t text_size, Call& call) {
    State& state = states_[row / stride_];
    if (!state.end_known) {
      std::vector<std::uint32_t> readers;
      std::vector<std::uint32_t> matches;
      expand(program, state, false, true, &readers, &matches);
      state.end_matches = static_cast<std::uint32_t>(pool_.size());
      state.end_count = static_cast<std::uint32_t>(matches.size());
      pool_.insert(pool_.end(), matches.begin(), matches.end());
      bytes_ += matches.size() * sizeof(std::uint32_t);
      state.end_known = true;
    }
    for (std::uint32_t k = 0; k < state.end_count; ++k) report(pool_[state.end_matches + k], text_size, call);
  }

  /// The patterns that matched right before the last byte read into state `row`: their
  /// matches end at `offset`, that byte's place in the text.
  void matches(std::uint32_t row, std::size_t offset, Call& call) {
    const State& state = states_[row / stride_];
    for (std::uint32_t k = 0; k < state.match_count; ++k) report(pool_[state.matches + k], offset, call);
  }

 private:
  void report(std::uint32_t id, std::size_t end, Call& call) {
    if (call.ends != nullptr && id < nullable_.size()) (*call.ends)[id] = end + (nullable_[id] ? 1 : 0);
    if (call.reported[id] == call.number) return;
    call.reported[id] = call.number;
    call.hits->push_back(static_cast<int>(id));
  }

  struct Key {
    std::vector<std::uint32_t> kernel;
    std::vector<std::uint32_t> matches;
    bool previous_word = false;
    bool at_start = false;
  };
  struct State {
    std::uint32_t kernel = 0;  // offset in pool_
    std::uint32_t kernel_size = 0;
    std::uint32_t matches = 0;  // offset in pool_
    std::uint32_t match_count = 0;
    std::uint32_t end_matches = 0;  // offset in pool_, once end_known
    std::uint32_t end_count = 0;
    bool end_known = false;
    bool previous_word = false;
    bool at_start = false;
  };

  // The kernel of the start state, which also joins every state of an unanchored set:
  // worked out once, not at each state built.
  const std::vector<std::uint32_t>& root_kernel(const Program& program) {
    if (root_kernel_.empty()) {
      std::vector<std::uint32_t> roots{program.root};
      closure(program, roots, &root_kernel_);
    }
    return root_kernel_;
  }

  // Follows the moves that read no byte (splits, empty nodes) from the nodes on `stack`,
  // each node once, and hands every other node to `visit`, which returns true to go on
  // past it (an assertion that holds).
  template <typename Visit>
  void follow(const Program& program, std::vector<std::uint32_t>& stack, Visit visit) {
    ++epoch_;
    while (!stack.empty()) {
      const std::uint32_t n = stack.back();
      stack.pop_back();
      if (marks_[n] == epoch_) continue;
      marks_[n] = epoch_;
      const Node& node = program.nodes[n];
      if (node.op == Node::Op::kSplit) {
        stack.push_back(node.out1);
        stack.push_back(node.out);
      } else if (node.op == Node::Op::kEmpty || visit(n, node)) {
        stack.push_back(node.out);
      }
    }
  }

  // The nodes reachable from `from` without reading a byte or passing an assertion,
  // sorted: the kernel of a state.
  void closure(const Program& program, std::vector<std::uint32_t>& from, std::vector<std::uint32_t>* kernel) {
    follow(program, from, [&](std::uint32_t n, const Node&) {
      kernel->push_back(n);
      return false;
    });
    std::sort(kernel->begin(), kernel->end());
  }

  // The kernel of `state` followed across the assertions that hold before a byte that is
  // (or is not) a word byte, or before the text's end: the nodes that read a byte go to
  // `readers`, the patterns that match to `matches` (when wanted).
  void expand(const Program& program, const State& state, bool next_word, bool at_end,
              std::vector<std::uint32_t>* readers, std::vector<std::uint32_t>* matches) {
    std::vector<std::uint32_t> stack(pool_.begin() + state.kernel, pool_.begin() + state.kernel + state.kernel_size);
    follow(program, stack, [&](std::uint32_t n, const Node& node) {
      switch (node.op) {
        case Node::Op::kBytes:
          readers->push_back(n);
          return false;
        case Node::Op::kMatch:
          if (matches != nullptr) matches->push_back(node.pattern);
          return false;
        case Node::Op::kAssert:
          switch (node.assertion) {
            case Assertion::kWordBoundary:
              return state.previous_word != next_word;
            case Assertion::kNotWordBoundary:
              return state.previous_word == next_word;
            case Assertion::kTextBegin:
              return state.at_start;
            case Assertion::kTextEnd:
              return at_end;
          }
          return false;
        case Node::Op::kSplit:
        case Node::Op::kEmpty:
          break;  // followed before they get here
      }
      return false;
    });
    if (matches != nullptr) {
      std::sort(matches->begin(), matches->end());
      matches->erase(std::unique(matches->begin(), matches->end()), matches->end());
    }
  }

  // The row offset of the state with `key`, added if new.
  std::uint32_t intern(const Program& program, Key key) {
    // Whether the byte before was a word byte matters only to an assertion.
    const bool asserts = std::any_of(key.kernel.begin(), key.kernel.end(),
                                     [&](std::uint32_t n) { return program.nodes[n].op == Node::Op::kAssert; });
    if (!asserts) key.previous_word = false;
    std::string bytes;
    bytes.reserve(2 + 4 * (key.kernel.size() + key.matches.size() + 1));
    bytes.push_back(static_cast<char>(key.previous_word));
    bytes.push_back(static_cast<char>(key.at_start));
    auto put = [&](std::uint32_t value) { bytes.append(reinterpret_cast<const char*>(&value), sizeof value); };
    for (const std::uint32_t n : key.kernel) put(n);
    put(kUnknown);
    for (const std::uint32_t p : key.matches) put(p);
    const auto found = ids_.find(bytes);
    if (found != ids_.end()) return found->second;
    State state;
    state.previous_word = key.previous_word;
    state.at_start = key.at_start;
    state.kernel = static_cast<std::uint32_t>(pool_.size());
    state.kernel_size = static_cast<std::uint32_t>(key.kernel.size());
    pool_.insert(pool_.end(), key.kernel.begin(), key.kernel.end());
    state.matches = static_cast<std::uint32_t>(pool_.size());
    state.match_count = static_cast<std::uint32_t>(key.matches.size());
    pool_.insert(pool_.end(), key.matches.begin(), key.matches.end());
    const auto row = static_cast<std::uint32_t>(states_.size() * stride_);
    states_.push_back(state);
    table_.resize(table_.size() + stride_, static_cast<Entry>(kUnknown));
    bytes_ += stride_ * sizeof(Entry) + 2 * bytes.size() + sizeof(State) + 64;
    ids_.emplace(std::move(bytes), row);
    return row;
  }

  // Drops every state: the cache has grown past its budget.
  void clear() {
    ++clears_;
    states_.clear();
    // The table's memory goes too: a row kept from before would then read freed memory,
    // which the sanitizers report, rather than old rows that still look right.
    std::vector<Entry>().swap(table_);
    pool_.clear();
    ids_.clear();
    bytes_ = 0;
    start_ = kDeadRow;
  }

  std::size_t stride_;      // entries a row: the classes, padded to a multiple of eight
  std::size_t max_states_;  // that an entry can name
  std::vector<State> states_;
  std::vector<Entry> table_;  // rows of `stride_` entries
  std::vector<std::uint32_t> pool_;   // kernels and match lists
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::size_t bytes_ = 0;
  std::uint32_t start_ = kDeadRow;  // the start state's row, or kDeadRow until built
  std::vector<std::uint32_t> root_kernel_;  // closure of the root, once needed
  std::vector<std::uint32_t> marks_;  // by node: the epoch that last visited it
  std::uint32_t epoch_ = 0;
  std::size_t clears_ = 0;
  std::vector<bool> nullable_;  // the program's: by pattern, may match the empty string
  Call calls_[2];
};

// The calling thread's cache for `program`: each thread keeps the states of the last few
// programs it ran, so that threads share no mutable state and take no lock.
DfaCache& cache_for(const Program& program) {
  thread_local std::vector<std::pair<std::uint64_t, std::unique_ptr<DfaCache>>> caches;
  for (auto& [id, cache] : caches) {
    if (id == program.id) return *cache;
  }
  if (caches.size() >= kCachedSets) caches.erase(caches.begin());
  caches.emplace_back(program.id, std::make_unique<DfaCache>(program));
  return *caches.back().second;
}

bool options_supported(const RE2::Options& options) {
  return options.encoding() == RE2::Options::EncodingUTF8 && !options.posix_syntax() && !options.literal() &&
         !options.never_nl() && !options.dot_nl();
}

}  // namespace

std::optional<SetAutomaton> SetAutomaton::compile(const std::vector<std::string>& patterns, RE2::Anchor anchor,
                                                  const RE2::Options& options) {
  if (!options_supported(options) || anchor == RE2::ANCHOR_START || patterns.empty()) return std::nullopt;
  auto program = std::make_shared<Program>();
  program->unanchored = anchor == RE2::UNANCHORED;
  program->patterns = patterns.size();
  try {
    NfaBuilder builder;
    std::vector<std::uint32_t> starts;
    auto add_pattern = [&](Ast ast, std::size_t id) {
      NfaBuilder::Fragment fragment = builder.compile(ast);
      Node match;
      match.op = Node::Op::kMatch;
      match.pattern = static_cast<std::uint32_t>(id);
      builder.connect(fragment.exits, builder.add(match));
      starts.push_back(fragment.start);
    };
    for (std::size_t p = 0; p < patterns.size(); ++p) {
      PatternTree tree = read_pattern(patterns[p], !options.case_sensitive());
      add_pattern(std::move(tree.ast), p);
      program->nullable.push_back(reaches_match_unread(builder.nodes, starts.back()));
      program->confirm.push_back(tree.approximate ? std::make_unique<Confirmation>(patterns[p], options) : nullptr);
    }
    // A pattern read wide is also read narrow: where the narrow reading matches (most
    // texts: "should be" for "should \p{Lu}" under the i flag), RE2 need not confirm.
    program->narrow_id.assign(patterns.size(), 0);
    program->match_ids = patterns.size();
    for (std::size_t p = 0; p < patterns.size(); ++p) {
      if (program->confirm[p] == nullptr) continue;
      program->narrow_id[p] = static_cast<std::uint32_t>(program->match_ids);
      add_pattern(read_pattern(patterns[p], !options.case_sensitive(), true).ast, program->match_ids++);
    }
    // The root: a split into each pattern's start.
    std::uint32_t root = starts.back();
    for (std::size_t p = starts.size() - 1; p-- > 0;) {
      Node split;
      split.op = Node::Op::kSplit;
      split.out = starts[p];
      split.out1 = root;
      root = builder.add(split);
    }
    program->root = root;
    program->nodes = std::move(builder.nodes);
    program->byte_sets = std::move(builder.byte_sets);
  } catch (const Unsupported&) {
    return std::nullopt;
  }
  // Byte classes: bytes that every node's range and the assertions treat alike share a
  // class (under the i flag, "a" and "A" do), so that a state's row is short.
  std::unordered_map<std::string, std::uint8_t> classes;
  for (std::size_t b = 0; b < 256; ++b) {
    const auto byte = static_cast<unsigned char>(b);
    std::string signature(1, is_regex_word_byte(byte) ? 'w' : '-');
    for (const ByteSet& set : program->byte_sets) signature.push_back(contains(set, byte) ? '1' : '0');
    const auto [found, added] = classes.emplace(std::move(signature), static_cast<std::uint8_t>(classes.size()));
    if (added) program->class_byte.push_back(byte);
    program->byte_class[b] = found->second;
  }
  program->id = next_program_id.fetch_add(1);
  return SetAutomaton(std::move(program));
}

std::size_t SetAutomaton::cache_resets() const { return cache_for(*program_).clears(); }

std::size_t SetAutomaton::confirmed_by_re2() const {
  return static_cast<std::size_t>(std::count_if(program_->confirm.begin(), program_->confirm.end(),
                                                [](const auto& re) { return re != nullptr; }));
}

namespace {

// Walks `text` from offset `from` in state `*row` to its end, reporting matches to `call`;
// `*row` ends as the state after the last byte, or DfaCache::kDeadRow where no pattern
// can match any more (matching the whole text: the call's hits are then cleared). False
// when the walk gave up: it emptied the cache kClearsPerText times since `clears`.
bool walk(const Program& program, DfaCache& cache, DfaCache::Call& call, std::string_view text, std::size_t from,
          std::uint32_t* row, std::size_t clears) {
  const DfaCache::Entry* table = cache.table();
  const std::uint8_t* const classes = program.byte_class.data();
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  std::uint32_t state = *row;
  // The walk: one load of a row entry per byte, everything else out of line.
  for (const auto* byte = begin + from; byte < end; ++byte) {
    const std::uint32_t entry = table[state + classes[*byte]];
    if (entry < DfaCache::kMatches) {
      state = entry << DfaCache::kRowShift;
      continue;
    }
    state = cache.special_entry(program, state, classes[*byte], entry, static_cast<std::size_t>(byte - begin), call);
    if (state == DfaCache::kDeadRow) {
      call.hits->clear();
      break;
    }
    if (cache.clears() >= clears + kClearsPerText) return false;
    table = cache.table();
  }
  *row = state;
  return true;
}

// After the walk (unless it ended in the dead state): the matches at the text's end, the
// hits sorted, and the patterns the automaton widened settled. A match of the narrow
// reading (whose match ids come last) is one for sure, and otherwise RE2 has the last word.
void finish(const Program& program, DfaCache& cache, DfaCache::Call& call, std::uint32_t row, std::string_view text) {
  std::vector<int>* hits = call.hits;
  cache.end_matches(program, row, text.size(), call);
  std::sort(hits->begin(), hits->end());
  const auto narrow = std::lower_bound(hits->begin(), hits->end(), static_cast<int>(program.patterns));
  const RE2::Anchor anchor = program.unanchored ? RE2::UNANCHORED : RE2::ANCHOR_BOTH;
  const auto kept = std::remove_if(hits->begin(), narrow, [&](int p) {
    const auto pattern = static_cast<std::size_t>(p);
    const Confirmation* confirm = program.confirm[pattern].get();
    return confirm != nullptr && !std::binary_search(narrow, hits->end(), static_cast<int>(program.narrow_id[pattern])) &&
           !confirm->matches(text, anchor);
  });
  hits->erase(kept, hits->end());
}

}  // namespace

bool SetAutomaton::match(std::string_view text, std::vector<int>* hits, std::vector<std::size_t>* search_ends) const {
  const Program& program = *program_;
  DfaCache& cache = cache_for(program);
  DfaCache::Call& call = cache.begin_call(0, hits, search_ends);
  const std::size_t clears = cache.clears();
  std::uint32_t row = cache.start(program);
  if (!walk(program, cache, call, text, 0, &row, clears)) return false;
  if (row != DfaCache::kDeadRow) finish(program, cache, call, row, text);
  return true;
}

bool SetAutomaton::match_pair(std::string_view first, std::vector<int>* first_hits,
                              std::vector<std::size_t>* first_search_ends, std::string_view second,
                              std::vector<int>* second_hits, std::vector<std::size_t>* second_search_ends) const {
  const Program& program = *program_;
  DfaCache& cache = cache_for(program);
  DfaCache::Call& a = cache.begin_call(0, first_hits, first_search_ends);
  DfaCache::Call& b = cache.begin_call(1, second_hits, second_search_ends);
  const std::size_t clears = cache.clears();
  std::uint32_t row_a = cache.start(program);
  std::uint32_t row_b = row_a;
  const DfaCache::Entry* table = cache.table();
  const std::uint8_t* const classes = program.byte_class.data();
  const auto* const bytes_a = reinterpret_cast<const unsigned char*>(first.data());
  const auto* const bytes_b = reinterpret_cast<const unsigned char*>(second.data());
  const std::size_t common = std::min(first.size(), second.size());
  // Both texts a byte at a time: the two chains of loads do not wait on each other, so
  // the processor runs them side by side (a walk alone waits on each load in turn).
  std::size_t i = 0;
  while (i < common) {
    const std::uint32_t entry_a = table[row_a + classes[bytes_a[i]]];
    const std::uint32_t entry_b = table[row_b + classes[bytes_b[i]]];
    if ((entry_a | entry_b) < DfaCache::kMatches) {
      row_a = entry_a << DfaCache::kRowShift;
      row_b = entry_b << DfaCache::kRowShift;
      ++i;
      continue;
    }
    // One or both need a state built or report matches. Building may move the table;
    // emptying the cache would leave the other text's state dangling: the texts are then
    // matched one by one (by the caller).
    row_a = cache.step(program, row_a, classes[bytes_a[i]], entry_a, i, a);
    if (cache.clears() != clears) return false;
    table = cache.table();
    row_b = cache.step(program, row_b, classes[bytes_b[i]], table[row_b + classes[bytes_b[i]]], i, b);
    if (cache.clears() != clears) return false;
    table = cache.table();
    ++i;
    if (row_a == DfaCache::kDeadRow || row_b == DfaCache::kDeadRow) break;
  }
  // The rest of each text alone: the first's walk and its matches before the second's
  // walk, which may empty the cache and so leave the first's last state dangling.
  if (row_a != DfaCache::kDeadRow) {
    if (!walk(program, cache, a, first, i, &row_a, clears) || cache.clears() != clears) return false;
    if (row_a != DfaCache::kDeadRow) finish(program, cache, a, row_a, first);
  } else {
    a.hits->clear();
  }
  if (row_b != DfaCache::kDeadRow) {
    if (!walk(program, cache, b, second, i, &row_b, clears)) return false;
    if (row_b != DfaCache::kDeadRow) finish(program, cache, b, row_b, second);
  } else {
    b.hits->clear();
  }
  return true;
}

}  // namespace annotate
