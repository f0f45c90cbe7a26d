// interview-bot: thin entry point; everything lives in the bot library.
#include <exception>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    return bot::RunCli(std::vector<std::string>(argv, argv + argc), {std::cin, std::cout, std::cerr});
  } catch (const std::exception& e) {
    std::cerr << "interview-bot: internal error: " << e.what() << "\n";
    return 1;
  }
}
