import QAMarkdown
print(MarkdownRenderer().html("Hello *world* <script>x</script> | a |\n|---|\n| b |\n\n~~s~~ www.example.com \"q\"\n\n- [x] done\n\nA[^1]\n\n[^1]: note"))
