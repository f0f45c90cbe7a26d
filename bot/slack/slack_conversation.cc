#include "slack/slack_conversation.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "slack/slack_blocks.h"
#include "slack/slack_text.h"

namespace bot {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "<@U123> start easy" -> "start easy".
std::string WithoutMentions(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "<@") == 0) {
      const size_t end = text.find('>', i);
      if (end != std::string::npos) {
        i = end + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return Trim(out);
}

}  // namespace

const char* SlackConversation::HelpText() {
  return "Mock interviews in Slack. Use `/interview` with:\n"
         "• `start [track]`: start an interview (track: all, `random N`, a difficulty, role or level)\n"
         "• `hint`, `skip`, `repeat`, `model`, `end`: the same commands as the web chat\n"
         "• `report`: a link to your latest interview's report\n"
         "• `help`: this message\n"
         "Answer the questions by sending me a direct message.";
}

MaybeError SlackConversation::Send(const Reply& reply, json message) {
  OutboxItem item;
  if (!reply.response_url.empty()) {
    message["response_type"] = reply.in_channel ? "in_channel" : "ephemeral";
    item.kind = "response_url";
    item.target = reply.response_url;
  } else {
    message["channel"] = reply.channel;
    if (!reply.thread_ts.empty()) message["thread_ts"] = reply.thread_ts;
    item.kind = "slack_api";
    item.target = "chat.postMessage";
  }
  item.body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return queue_.Enqueue(item);
}

MaybeError SlackConversation::Notice(const Reply& reply, const std::string& text) {
  return Send(reply, RenderNotice(text));
}

MaybeError SlackConversation::Process(const InboxItem& item) {
  const json body = json::parse(item.payload, nullptr, false);
  if (!body.is_object()) return std::nullopt;  // validated before it was stored; nothing to do
  if (item.kind == "event") return ProcessEvent(body);
  if (item.kind == "interaction") return ProcessInteraction(body);
  Turn turn{Str(body, "team_id"), Str(body, "user_id"), Str(body, "user_name"), {}};
  turn.reply.response_url = Str(body, "response_url");
  turn.reply.in_channel = Str(body, "channel_name") == "directmessage";
  if (turn.reply.response_url.empty()) turn.reply.channel = turn.user;
  return SubCommand(PlainFromSlack(Str(body, "text")), turn);
}

MaybeError SlackConversation::ProcessEvent(const json& body) {
  const json event = body.value("event", json::object());
  const std::string type = Str(event, "type");
  // Our own posts come back as message.im events; so do edits and other bots' messages.
  if (!Str(event, "bot_id").empty() || !Str(event, "subtype").empty() ||
      Str(event, "user") == identity_.user_id || Str(event, "user").empty()) {
    return std::nullopt;
  }
  Turn turn{Str(body, "team_id"), Str(event, "user"), "", {}};
  turn.reply.channel = Str(event, "channel");
  if (type == "app_mention") {
    turn.reply.thread_ts = Str(event, "ts");
    return SubCommand(PlainFromSlack(WithoutMentions(Str(event, "text"))), turn);
  }
  if (type != "message" || Str(event, "channel_type") != "im") return std::nullopt;
  const std::string text = PlainFromSlack(Str(event, "text"));
  if (store_.ActiveSlackSession(SlackUser(turn)).empty()) return SubCommand(text, turn);
  return Apply(Input{text, ""}, turn);
}

MaybeError SlackConversation::ProcessInteraction(const json& payload) {
  if (Str(payload, "type") != "block_actions") return std::nullopt;
  const json user = payload.value("user", json::object());
  Turn turn{Str(user, "team_id"), Str(user, "id"), Str(user, "username"), {}};
  if (turn.team.empty()) turn.team = Str(payload.value("team", json::object()), "id");
  turn.reply.channel = Str(payload.value("channel", json::object()), "id");
  if (turn.reply.channel.empty()) turn.reply.channel = turn.user;
  const json actions = payload.value("actions", json::array());
  if (!actions.is_array() || actions.empty()) return std::nullopt;
  const std::string action = Str(actions[0], "action_id");
  if (action == "next") {
    Session s;
    const std::string id = store_.ActiveSlackSession(SlackUser(turn));
    if (id.empty()) return Notice(turn.reply, "No interview in progress; start one with `/interview start`.");
    if (auto e = store_.Load(id, &s)) return e;
    // The interview moves on by itself after an answer; "Next" skips a pending follow-up.
    return Apply(Input{"", s.state == "follow_up" ? "skip" : "repeat"}, turn);
  }
  return SubCommand(action, turn);
}

MaybeError SlackConversation::SubCommand(const std::string& text, const Turn& turn) {
  std::istringstream words(Trim(text));
  std::string verb, rest;
  words >> verb;
  std::getline(words, rest);
  verb = Lower(verb);
  if (verb.empty() || verb == "help") return Notice(turn.reply, HelpText());
  if (verb == "start") return Start(Trim(rest), turn);
  if (verb == "report") return Report(turn);
  const std::string command = Interview::CommandOf(verb);
  if (!command.empty()) return Apply(Input{"", command}, turn);
  return Notice(turn.reply, "Unknown sub-command \"" + TruncateUtf8(verb, 40) + "\".\n" + HelpText());
}

MaybeError SlackConversation::Start(const std::string& track, const Turn& turn) {
  if (!store_.ActiveSlackSession(SlackUser(turn)).empty()) {
    return Notice(turn.reply,
                  "You already have an interview in progress: answer in our DM, or `/interview "
                  "end` it first.");
  }
  StartRequest request;
  // Cut on a character boundary: a split UTF-8 sequence would not survive JSON storage.
  size_t cut = std::min(turn.user_name.size(), static_cast<size_t>(Interview::kMaxNameChars));
  while (cut > 0 && cut < turn.user_name.size() &&
         (static_cast<unsigned char>(turn.user_name[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  request.name = turn.user_name.substr(0, cut);
  request.client_id = ClientId(turn);
  request.source = "slack";
  request.slack_user = SlackUser(turn);
  std::istringstream words(Lower(track));
  std::string first, second;
  words >> first >> second;
  Session s;
  MaybeError error;
  if (first.empty() || first == "all") {
    request.track.kind = "all";
    error = interview_.Start(request, &s);
  } else if (first == "random") {
    request.track.kind = "random";
    request.track.count = second.empty() || second.size() > 3 ||
                                  second.find_first_not_of("0123456789") != std::string::npos
                              ? 0
                              : std::stoi(second);
    error = interview_.Start(request, &s);
  } else {
    // A bare word names a difficulty, a role or a level, whichever matches.
    for (const char* kind : {"difficulty", "role", "level"}) {
      request.track.kind = kind;
      request.track.value = track;
      error = interview_.Start(request, &s);
      if (!error) break;
    }
  }
  if (error) {
    return Notice(turn.reply, "Could not start: " + error->message);
  }
  if (auto e = store_.Save(s, 0)) return e;
  return Send(turn.reply, RenderMessages(s.messages, ReportUrl(s.id)));
}

MaybeError SlackConversation::Apply(const Input& input, const Turn& turn) {
  const std::string id = store_.ActiveSlackSession(SlackUser(turn));
  if (id.empty()) return Notice(turn.reply, "No interview in progress; start one with `/interview start`.");
  std::lock_guard<std::mutex> lock(lock_for_ ? lock_for_(id) : own_lock_);
  Session s;
  if (auto e = store_.Load(id, &s)) return e;
  const int first_new = s.messages.empty() ? 1 : s.messages.back().seq + 1;
  if (auto e = interview_.Handle(input, &s)) {
    if (e->status >= 500) return e;
    return Notice(turn.reply, e->message);
  }
  if (auto e = store_.Save(s, first_new)) return e;
  if (s.state == "finished" && completion_) completion_->OnFinished(s);
  std::vector<Message> fresh;
  for (const auto& m : s.messages) {
    if (m.seq >= first_new) fresh.push_back(m);
  }
  return Send(turn.reply, RenderMessages(fresh, ReportUrl(s.id)));
}

MaybeError SlackConversation::Report(const Turn& turn) {
  std::string id = store_.ActiveSlackSession(SlackUser(turn));
  if (id.empty()) {
    const auto past = store_.ListByClient(ClientId(turn), 1);
    if (past.empty()) return Notice(turn.reply, "You have no interview yet; start one with `/interview start`.");
    id = past[0].id;
  }
  json message = RenderNotice("Your interview report:");
  message["blocks"][0]["text"]["text"] = "Your interview report: <" + ReportUrl(id) + "|open it>";
  message["text"] = "Your interview report: " + ReportUrl(id);
  return Send(turn.reply, message);
}

}  // namespace bot
