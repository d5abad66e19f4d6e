<?php
/**
 * Settings > Messenger-Check: the site's defaults for every block and shortcode (language,
 * colour scheme, colours, alternatives, call to action), for users who may manage options.
 * Saved through the Settings API (its nonce and capability check), sanitised by
 * messenger_check_sanitize().
 *
 * @package Messenger_Check
 */

defined( 'ABSPATH' ) || exit;

add_action( 'admin_init', 'messenger_check_register_setting' );
add_action( 'admin_menu', 'messenger_check_admin_menu' );
add_action( 'admin_enqueue_scripts', 'messenger_check_admin_assets' );
add_filter( 'plugin_action_links_' . plugin_basename( MESSENGER_CHECK_FILE ), 'messenger_check_action_links' );

/**
 * The one option, with its sanitiser.
 */
function messenger_check_register_setting() {
	register_setting(
		'messenger_check',
		'messenger_check_options',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'messenger_check_sanitize',
			'default'           => messenger_check_defaults(),
		)
	);
}

/**
 * The page under Settings.
 */
function messenger_check_admin_menu() {
	add_options_page(
		__( 'Messenger-Check', 'messenger-check' ),
		__( 'Messenger-Check', 'messenger-check' ),
		'manage_options',
		'messenger-check',
		'messenger_check_settings_page'
	);
}

/**
 * A "Settings" link beside "Deactivate" in the plugin list.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function messenger_check_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=messenger-check' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'messenger-check' ) . '</a>' );
	return $links;
}

/**
 * WordPress's colour picker on the settings page only.
 *
 * @param string $hook The admin page's hook suffix.
 */
function messenger_check_admin_assets( $hook ) {
	if ( 'settings_page_messenger-check' !== $hook ) {
		return;
	}
	wp_enqueue_style( 'wp-color-picker' );
	wp_enqueue_script(
		'messenger-check-admin',
		plugins_url( 'assets/admin.js', MESSENGER_CHECK_FILE ),
		array( 'wp-color-picker' ),
		MESSENGER_CHECK_VERSION,
		true
	);
}

/**
 * The settings page.
 */
function messenger_check_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = messenger_check_site_settings();
	$widget   = messenger_check_widget();
	$name     = 'messenger_check_options';
	$builder  = plugins_url( 'widget/builder/index.html', MESSENGER_CHECK_FILE );
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Messenger-Check', 'messenger-check' ); ?></h1>
		<p>
			<?php esc_html_e( 'Add the widget to a page with the "Messenger-Check" block, or with the shortcode [messenger-check] in any editor. These settings apply to every widget on the site; a block\'s own settings (in its sidebar) and a shortcode\'s attributes take precedence.', 'messenger-check' ); ?>
		</p>
		<p>
			<?php esc_html_e( 'Everything runs in the visitor\'s browser: nothing typed into the widget is sent anywhere, and it loads nothing from other sites.', 'messenger-check' ); ?>
		</p>
		<form action="options.php" method="post">
			<?php settings_fields( 'messenger_check' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="messenger-check-lang"><?php esc_html_e( 'Language', 'messenger-check' ); ?></label></th>
					<td>
						<select id="messenger-check-lang" name="<?php echo esc_attr( $name ); ?>[lang]">
							<option value="" <?php selected( $settings['lang'], '' ); ?>><?php esc_html_e( 'The site\'s language', 'messenger-check' ); ?></option>
							<?php foreach ( $widget['languages'] as $language ) : ?>
								<option value="<?php echo esc_attr( $language['code'] ); ?>" <?php selected( $settings['lang'], $language['code'] ); ?>><?php echo esc_html( $language['name'] ); ?></option>
							<?php endforeach; ?>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="messenger-check-theme"><?php esc_html_e( 'Colour scheme', 'messenger-check' ); ?></label></th>
					<td>
						<select id="messenger-check-theme" name="<?php echo esc_attr( $name ); ?>[theme]">
							<option value="auto" <?php selected( $settings['theme'], 'auto' ); ?>><?php esc_html_e( 'As the page (its color-scheme)', 'messenger-check' ); ?></option>
							<option value="light" <?php selected( $settings['theme'], 'light' ); ?>><?php esc_html_e( 'Light', 'messenger-check' ); ?></option>
							<option value="dark" <?php selected( $settings['theme'], 'dark' ); ?>><?php esc_html_e( 'Dark', 'messenger-check' ); ?></option>
						</select>
					</td>
				</tr>
				<?php
				$colours = array(
					'accent'     => __( 'Accent colour (buttons, links)', 'messenger-check' ),
					'text'       => __( 'Text colour', 'messenger-check' ),
					'background' => __( 'Background', 'messenger-check' ),
				);
				foreach ( $colours as $field => $label ) :
					?>
					<tr>
						<th scope="row"><label for="messenger-check-<?php echo esc_attr( $field ); ?>"><?php echo esc_html( $label ); ?></label></th>
						<td>
							<input type="text" class="messenger-check-colour" id="messenger-check-<?php echo esc_attr( $field ); ?>" name="<?php echo esc_attr( $name . '[' . $field . ']' ); ?>" value="<?php echo esc_attr( $settings[ $field ] ); ?>" placeholder="#rrggbb">
							<p class="description"><?php esc_html_e( 'Empty: the widget\'s own colour. Check the contrast (WCAG AA: 4.5:1) of text on the accent and on the background.', 'messenger-check' ); ?></p>
						</td>
					</tr>
				<?php endforeach; ?>
				<tr>
					<th scope="row"><?php esc_html_e( 'Alternatives', 'messenger-check' ); ?></th>
					<td>
						<p class="description"><?php esc_html_e( 'Which messengers the widget names as alternatives. Choose "recommend" for one or more and it recommends only those; "hide" and it never names it.', 'messenger-check' ); ?></p>
						<table class="widefat striped">
							<tbody>
							<?php foreach ( $widget['messengers'] as $messenger ) : ?>
								<?php
								$id     = $messenger['id'];
								$choice = isset( $settings['alternatives'][ $id ] ) ? $settings['alternatives'][ $id ] : '';
								?>
								<tr>
									<td><label for="messenger-check-alt-<?php echo esc_attr( $id ); ?>"><?php echo esc_html( $messenger['name'] ); ?></label></td>
									<td>
										<select id="messenger-check-alt-<?php echo esc_attr( $id ); ?>" name="<?php echo esc_attr( $name . '[alternatives][' . $id . ']' ); ?>">
											<option value="" <?php selected( $choice, '' ); ?>>
												<?php echo esc_html( $messenger['recommended'] ? __( 'as the catalog has it (recommended)', 'messenger-check' ) : __( 'as the catalog has it (not recommended)', 'messenger-check' ) ); ?>
											</option>
											<option value="recommend" <?php selected( $choice, 'recommend' ); ?>><?php esc_html_e( 'recommend', 'messenger-check' ); ?></option>
											<option value="hide" <?php selected( $choice, 'hide' ); ?>><?php esc_html_e( 'hide', 'messenger-check' ); ?></option>
										</select>
									</td>
								</tr>
							<?php endforeach; ?>
							</tbody>
						</table>
					</td>
				</tr>
				<?php foreach ( $widget['languages'] as $language ) : ?>
					<tr>
						<th scope="row">
							<label for="messenger-check-cta-<?php echo esc_attr( $language['code'] ); ?>">
								<?php
								/* translators: %s: a language's name in itself, e.g. "Deutsch". */
								echo esc_html( sprintf( __( 'Call to action: label (%s)', 'messenger-check' ), $language['name'] ) );
								?>
							</label>
						</th>
						<td>
							<input type="text" class="regular-text" id="messenger-check-cta-<?php echo esc_attr( $language['code'] ); ?>" lang="<?php echo esc_attr( $language['code'] ); ?>" name="<?php echo esc_attr( $name . '[cta_label][' . $language['code'] . ']' ); ?>" value="<?php echo esc_attr( isset( $settings['cta_label'][ $language['code'] ] ) ? $settings['cta_label'][ $language['code'] ] : '' ); ?>" maxlength="80">
						</td>
					</tr>
				<?php endforeach; ?>
				<tr>
					<th scope="row"><label for="messenger-check-cta-url"><?php esc_html_e( 'Call to action: address', 'messenger-check' ); ?></label></th>
					<td>
						<?php /* translators: the example in the empty address field: the path of a contact page on the site. */ ?>
						<input type="text" class="regular-text code" inputmode="url" id="messenger-check-cta-url" name="<?php echo esc_attr( $name ); ?>[cta_url]" value="<?php echo esc_attr( $settings['cta_url'] ); ?>" placeholder="<?php esc_attr_e( '/contact/', 'messenger-check' ); ?>">
						<p class="description"><?php esc_html_e( 'A link below the result, e.g. to your advice service: https://…, mailto:… or a path on this site such as /contact/. Empty: no link.', 'messenger-check' ); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Shortcode', 'messenger-check' ); ?></h2>
		<p>
			<?php esc_html_e( 'Type the shortcode into any editor or a Shortcode block. Every attribute is optional; what a shortcode leaves out comes from the settings above.', 'messenger-check' ); ?>
		</p>
		<?php
		$languages = messenger_check_languages();
		$cta       = implode( ', ', array_map( static fn( $code ) => 'cta_' . $code, $languages ) );
		$help      = array(
			'lang'                     => sprintf(
				/* translators: %s: the language codes, e.g. "de, en". */
				__( 'Language: %s', 'messenger-check' ),
				implode( ', ', $languages )
			),
			'theme'                    => __( 'Colour scheme: auto (as the page), light or dark', 'messenger-check' ),
			'accent, text, background' => __( 'Accent, text and background colour, e.g. #8a1c1c', 'messenger-check' ),
			'recommend, hide'          => sprintf(
				/* translators: %s: the messengers' ids, e.g. "threema_work, wire". */
				__( 'Alternatives to recommend or to hide, separated by commas: %s', 'messenger-check' ),
				implode( ', ', messenger_check_messenger_ids() )
			),
			$cta                       => __( 'Call to action: its label, in each language', 'messenger-check' ),
			'cta_url'                  => __( 'Call to action: its address', 'messenger-check' ),
		);
		?>
		<table class="widefat striped messenger-check-shortcode-help">
			<thead>
				<tr>
					<th scope="col"><?php esc_html_e( 'Attribute', 'messenger-check' ); ?></th>
					<th scope="col"><?php esc_html_e( 'What it sets', 'messenger-check' ); ?></th>
				</tr>
			</thead>
			<tbody>
			<?php foreach ( $help as $attributes => $text ) : ?>
				<tr>
					<td><code><?php echo esc_html( $attributes ); ?></code></td>
					<td><?php echo esc_html( $text ); ?></td>
				</tr>
			<?php endforeach; ?>
			</tbody>
		</table>
		<p>
			<?php esc_html_e( 'For example:', 'messenger-check' ); ?>
			<code>[messenger-check lang="en" accent="#8a1c1c" hide="telegram" cta_de="Beratung anfragen" cta_en="Ask us" cta_url="/kontakt/"]</code>
		</p>
		<h2><?php esc_html_e( 'Elsewhere', 'messenger-check' ); ?></h2>
		<p>
			<?php esc_html_e( 'For a page outside WordPress, or to try settings with a live preview, open the embed builder. It uses this plugin\'s copy of the widget and sends nothing anywhere.', 'messenger-check' ); ?>
			<a href="<?php echo esc_url( $builder ); ?>" target="_blank" rel="noopener"><?php esc_html_e( 'Open the embed builder', 'messenger-check' ); ?></a>
		</p>
	</div>
	<?php
}
