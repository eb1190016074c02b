// The template carries "gitignore" without its dot: the archetype's jar leaves dot-files out (Maven's
// default excludes). The generated project gets it under its real name.
def project = new File(request.outputDirectory, request.artifactId)
def plain = new File(project, "gitignore")
if (plain.exists() && !plain.renameTo(new File(project, ".gitignore"))) {
  throw new IllegalStateException("could not rename " + plain + " to .gitignore")
}
