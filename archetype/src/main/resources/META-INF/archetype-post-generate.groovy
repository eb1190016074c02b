// The template carries "gitignore" without its dot: the archetype's jar leaves dot-files out (Maven's
// default excludes). The generated project gets it under its real name.
def project = new File(request.outputDirectory, request.artifactId)

// The package (the groupId unless -Dpackage is given) must be a Java package name: a groupId such as
// com.my-company is a fine groupId but not a package, and the project would fail to compile with
// "';' expected" in every file. Batch mode checks no property, so the check is here: the project just
// generated (the plugin refuses to generate into an existing folder) is removed, so the command can
// simply be run again with -Dpackage.
def javaPackage = request.properties.get('package') ?: request.groupId
def keywords = ['abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const',
    'continue', 'default', 'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float', 'for',
    'goto', 'if', 'implements', 'import', 'instanceof', 'int', 'interface', 'long', 'native', 'new',
    'package', 'private', 'protected', 'public', 'return', 'short', 'static', 'strictfp', 'super',
    'switch', 'synchronized', 'this', 'throw', 'throws', 'transient', 'try', 'void', 'volatile', 'while',
    'true', 'false', 'null', '_']
def badPart = javaPackage.split('\\.', -1).find { part ->
  part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0)) ||
      !part.every { Character.isJavaIdentifierPart(it as char) } || keywords.contains(part)
}
if (badPart != null) {
  project.deleteDir()
  def suggestion = javaPackage.split('\\.', -1).collect { part ->
    def cleaned = part.replaceAll('[^A-Za-z0-9_]', '').toLowerCase()
    cleaned.isEmpty() || !Character.isJavaIdentifierStart(cleaned.charAt(0)) || keywords.contains(cleaned)
        ? '_' + cleaned : cleaned
  }.join('.')
  throw new IllegalArgumentException("the package '" + javaPackage + "' is not a Java package name ('" + badPart
      + "' is not a Java identifier); the package is the groupId unless given: add -Dpackage=" + suggestion
      + " (nothing was generated)")
}

def plain = new File(project, "gitignore")
if (plain.exists() && !plain.renameTo(new File(project, ".gitignore"))) {
  throw new IllegalStateException("could not rename " + plain + " to .gitignore")
}
